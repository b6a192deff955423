import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

const ORDER_FIELDS = [
  "*",
  "total",
  "subtotal",
  "tax_total",
  "discount_total",
  "shipping_total",
  "item_total",
  "items.*",
  "items.tax_lines.*",
  "items.adjustments.*",
  "shipping_methods.*",
  "shipping_methods.tax_lines.*",
  "shipping_methods.adjustments.*",
  "shipping_address.*",
  "billing_address.*",
  "customer.*",
  "summary.*",
  "transactions.*",
  "credit_lines.*",
  "payment_collections.*",
  "payment_collections.payment_sessions.*",
  "payment_collections.payments.*",
  "payment_collections.payments.captures.*",
  "payment_collections.payments.refunds.*",
]

const GENERATED_ID = /^[a-z]+(?:_[a-z]+)*_[0-9A-HJKMNP-TV-Z]{26}$/
const DROPPED = new Set(["display_id"])

/**
 * Everything an import made, comparable between two imports: generated ids
 * become "<id>", times of the import "<set>" (null stays null), arrays are
 * sorted, and `rewrite` evens out what differs on purpose (shop URL, email tag).
 * WooCommerce's own dates (the order's created_at, woo_* and woocommerce_*) are kept.
 */
export function normalizeImported(value: unknown, rewrite: (s: string) => string, key = ""): unknown {
  if (value instanceof Date) return "<set>"
  if (Array.isArray(value)) {
    return value.map((v) => normalizeImported(v, rewrite)).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(value).sort()) {
      if (DROPPED.has(k)) continue
      out[k] = normalizeImported((value as any)[k], rewrite, k)
    }
    return out
  }
  if (typeof value === "string") {
    if (GENERATED_ID.test(value)) return "<id>"
    if (key.endsWith("_at") && !/^woo(?:commerce)?_/.test(key) && /^\d{4}-\d\d-\d\dT/.test(value)) return "<set>"
    return rewrite(value)
  }
  return value
}

/** The Medusa orders a shop's import made, by WooCommerce id, with the customers and links. */
export async function importedOrdersSnapshot(container: MedusaContainer, shopUrl: string, rewrite: (s: string) => string) {
  const woo = container.resolve("woocommerceImport") as any
  const links = await woo.listWooOrderLinks({ shop_url: shopUrl })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: links.map((l: any) => l.medusa_order_id) } })
  const byId = new Map((orders as any[]).map((o) => [o.id, o]))
  // An order of the shop without a link would be one a failed import left behind.
  const all = await container.resolve(Modules.ORDER).listOrders({}, { select: ["id", "metadata"], take: null as any })
  const linked = new Set(links.map((l: any) => l.medusa_order_id))
  const snapshot: Record<string, unknown> = { unlinked: all.filter((o) => rewrite(String((o.metadata as any)?.woocommerce_shop_url)) === "<shop>" && !linked.has(o.id)).length }
  for (const link of links) {
    const order = byId.get(link.medusa_order_id)
    // created_at is WooCommerce's date: compared as it is.
    const plain = JSON.parse(JSON.stringify({ ...order, link })) // totals as numbers
    snapshot[link.woo_order_id] = normalizeImported({ ...plain, created_at: order?.created_at?.toISOString?.() ?? order?.created_at }, rewrite)
  }
  return snapshot
}

/** The customers whose email carries `+tag@`, normalized. */
export async function customersSnapshot(container: MedusaContainer, tag: string, rewrite: (s: string) => string) {
  const customers = await container.resolve(Modules.CUSTOMER).listCustomers({}, { relations: ["addresses"] })
  return normalizeImported(
    customers.filter((c) => String(c.email).includes(`+${tag}@`)),
    rewrite
  )
}
