import { model } from "@medusajs/framework/utils"

/** What happened to one WooCommerce order in one run (the import report). */
export const WooImportRecord = model
  .define("woo_import_record", {
    id: model.id({ prefix: "wrec" }).primaryKey(),
    run_id: model.text().index(),
    woo_order_id: model.number(),
    woo_number: model.text().nullable(),
    medusa_order_id: model.text().nullable(),
    outcome: model.enum(["imported", "updated", "unchanged", "skipped", "failed"]),
    reason: model.text().nullable(),
    klarna_order_id: model.text().nullable(),
    differences: model.json().nullable(),
  })
  .indexes([{ on: ["run_id", "outcome"] }])
