import type { MedusaContainer } from "@medusajs/framework/types"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../modules/woocommerce-import"

/** Excludes WooCommerce orders of a shop from every later import (each once); answers the shop's exclusions of these ids. */
export async function excludeWooOrders(container: MedusaContainer, shopUrl: string, ids: number[], note: string | null) {
  const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const known = new Set((await woo.listWooImportExclusions({ shop_url: shopUrl, woo_order_id: ids }, { select: ["woo_order_id"] })).map((e) => Number(e.woo_order_id)))
  const fresh = [...new Set(ids)].filter((id) => !known.has(id))
  if (fresh.length) {
    await woo.createWooImportExclusions(fresh.map((woo_order_id) => ({ shop_url: shopUrl, woo_order_id, note })))
  }
  return await woo.listWooImportExclusions({ shop_url: shopUrl, woo_order_id: ids })
}
