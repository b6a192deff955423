import { model } from "@medusajs/framework/utils"

/** A WooCommerce order the merchant chose not to import: later runs skip it and stop retrying it. */
export const WooImportExclusion = model
  .define("woo_import_exclusion", {
    id: model.id({ prefix: "wexc" }).primaryKey(),
    shop_url: model.text(),
    woo_order_id: model.number(),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["shop_url", "woo_order_id"], unique: true }])
