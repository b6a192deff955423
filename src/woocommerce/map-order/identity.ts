/** Where the order comes from: the stable external id, shop URL and the `metadata` kept on the Medusa order. */
import type { WooOrder } from "../woo-schemas"
import { clean } from "./order-scope"
import type { ImportedOrderDraft } from "./woo-draft-types"

/** `url`: without trailing slashes; `key`: lower-case host + path, the part of the external id (the raw URL when it does not parse). */
export function normalizeShopUrl(shopUrl: string): { url: string; key: string } {
  const url = (shopUrl ?? "").trim().replace(/\/+$/, "")
  let key = url
  try {
    const u = new URL(url)
    key = `${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, "")}`
  } catch {
    /* keep the raw string */
  }
  return { url, key }
}

export type DraftIdentity = Pick<ImportedOrderDraft, "external_id" | "woo_id" | "number" | "order_key" | "shop_url" | "metadata">

export function draftIdentity(order: WooOrder, number: string, shopUrl: string): DraftIdentity {
  const shop = normalizeShopUrl(shopUrl)
  return {
    external_id: `woo:${shop.key}:${order.id}`,
    woo_id: order.id,
    number,
    order_key: clean(order.order_key),
    shop_url: shop.url,
    metadata: {
      woocommerce_id: order.id,
      woocommerce_number: number,
      woocommerce_order_key: clean(order.order_key),
      woocommerce_shop_url: shop.url,
    },
  }
}
