import { model } from "@medusajs/framework/utils"

/** (shop URL, WooCommerce order id) → the Medusa order it became: keeps re-runs idempotent. */
export const WooOrderLink = model
  .define("woo_order_link", {
    id: model.id({ prefix: "wlnk" }).primaryKey(),
    shop_url: model.text(),
    woo_order_id: model.number(),
    medusa_order_id: model.text(),
    woo_modified_at: model.dateTime().nullable(),
    woo_status: model.text().nullable(),
  })
  .indexes([{ on: ["shop_url", "woo_order_id"], unique: true }])
