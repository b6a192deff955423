import { model } from "@medusajs/framework/utils"

/**
 * (shop URL, WooCommerce order id) → the Medusa order it became: keeps re-runs
 * idempotent, and (unique) keeps two runs from importing one order twice.
 */
export const WooOrderLink = model
  .define("woo_order_link", {
    id: model.id({ prefix: "wlnk" }).primaryKey(),
    shop_url: model.text(),
    woo_order_id: model.number(),
    medusa_order_id: model.text(),
    woo_modified_at: model.dateTime().nullable(),
    woo_status: model.text().nullable(),
    /**
     * "importing" from the import's first write until its last: a link left so
     * is an import whose process died half-way, cleaned up and redone.
     */
    state: model.enum(["importing", "imported"]).default("imported"),
  })
  .indexes([{ on: ["shop_url", "woo_order_id"], unique: true }])
