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
  /** Latest WooCommerce modification date of an order this run settled (imported, updated, unchanged, skipped). */
  high_water_mark: model.dateTime().nullable(),
  /** Earliest modification date of an order that failed in this run: the next run's mark stays before it. */
  failure_mark: model.dateTime().nullable(),
  /** An order failed whose modification date is unknown: the next run's mark stays where this run's started. */
  failure_without_date: model.boolean().default(false),
  /** The "modified since" mark this run reads from (exclusive); null = the whole shop. */
  started_from: model.dateTime().nullable(),
  /** Set when the run completes: where the next incremental run of this shop reads from. */
  next_mark: model.dateTime().nullable(),
  /** The process running it proves it is alive; a run whose heartbeat stops is taken over. */
  heartbeat_at: model.dateTime().nullable(),
  /** The WooCommerce REST key and secret, encrypted, while the run is unfinished (erased when it ends); null = cannot be resumed without the merchant. */
  sealed_credentials: model.text().nullable(),
  started_at: model.dateTime(),
  finished_at: model.dateTime().nullable(),
  error: model.text().nullable(),
})
