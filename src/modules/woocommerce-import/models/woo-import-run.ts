import { model } from "@medusajs/framework/utils"

/** One run of the WooCommerce import, with its progress and summary. */
export const WooImportRun = model.define("woo_import_run", {
  id: model.id({ prefix: "wimp" }).primaryKey(),
  shop_url: model.text(),
  status: model.enum(["running", "completed", "failed"]).default("running"),
  dry_run: model.boolean().default(false),
  options: model.json().nullable(),
  total: model.number().default(0),
  processed: model.number().default(0),
  imported: model.number().default(0),
  updated: model.number().default(0),
  skipped: model.number().default(0),
  failed: model.number().default(0),
  last_page: model.number().default(0),
  high_water_mark: model.dateTime().nullable(),
  started_at: model.dateTime(),
  finished_at: model.dateTime().nullable(),
  error: model.text().nullable(),
})
