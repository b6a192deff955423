/**
 * Refund objects and order notes derived from an order, for orders the fake
 * was not given explicit ones for. They follow what WooCommerce and the Klarna
 * plugins write: amount-only refunds matching the order's `refunds[]`
 * summaries, and the plugins' notes ("Payment via … order ID: …",
 * "Klarna order captured. … Capture ID: …", "Processing a refund of … with Klarna.").
 */
import type { WooNote, WooOrder, WooRefund } from "./types"

function meta(order: WooOrder, key: string): string | undefined {
  let found: string | undefined
  for (const m of order.meta_data ?? []) if (m.key === key && typeof m.value === "string" && m.value !== "") found = m.value
  return found
}

/** "1135.00" → "1 135,00" (Swedish store settings: space thousands, comma decimals). */
export function formatPrice(amount: string): string {
  const neg = amount.trim().startsWith("-")
  const [int, frac = ""] = amount.trim().replace(/^[-+]/, "").split(".")
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, " ")
  return `${neg ? "-" : ""}${grouped},${(frac + "00").slice(0, 2)}`
}

/** The HTML `wc_price()` produces. */
export function wcPrice(amount: string, symbol = "kr"): string {
  return (
    `<span class="woocommerce-Price-amount amount"><bdi>${formatPrice(amount)}&nbsp;` +
    `<span class="woocommerce-Price-currencySymbol">${symbol}</span></bdi></span>`
  )
}

export function deriveRefunds(order: WooOrder): WooRefund[] {
  const klarna = order.payment_method === "kco" || order.payment_method === "klarna_payments"
  return (order.refunds ?? []).map((s) => ({
    id: s.id,
    date_created: order.date_modified,
    date_created_gmt: order.date_modified_gmt,
    amount: s.total.replace(/^-/, ""),
    reason: s.reason,
    refunded_by: 1,
    refunded_payment: klarna,
    meta_data: [],
    line_items: [],
    shipping_lines: [],
    tax_lines: [],
    fee_lines: [],
  }))
}

const STATUS_LABEL: Record<string, string> = {
  pending: "Pending payment",
  processing: "Processing",
  "on-hold": "On hold",
  completed: "Completed",
  cancelled: "Cancelled",
  refunded: "Refunded",
  failed: "Failed",
}

export function deriveNotes(order: WooOrder): WooNote[] {
  const notes: Array<{ author: string; date_created: string; date_created_gmt: string; note: string; customer_note: boolean }> = []
  const at = (local: string | null, gmt: string | null) => ({
    date_created: local ?? order.date_created,
    date_created_gmt: gmt ?? order.date_created_gmt,
  })
  const klarnaId = /^[0-9a-f-]{36}$/i.test(order.transaction_id) ? order.transaction_id : meta(order, "_wc_klarna_order_id")
  const symbol = order.currency_symbol || "kr"
  const add = (note: string, when: { date_created: string; date_created_gmt: string }, author = "system") =>
    notes.push({ author, ...when, note, customer_note: false })

  if (klarnaId && (order.payment_method === "kco" || order.payment_method === "klarna_payments")) {
    const via = order.payment_method === "kco" ? "Kustom Checkout" : "Klarna Payments"
    add(`Payment via ${via}, order ID: ${klarnaId}`, at(order.date_paid ?? order.date_created, order.date_paid_gmt ?? order.date_created_gmt))
  }
  if (order.status !== "pending" && STATUS_LABEL[order.status]) {
    add(
      `Order status changed from Pending payment to ${STATUS_LABEL[order.status === "refunded" ? "completed" : order.status]}.`,
      at(order.date_paid ?? order.date_created, order.date_paid_gmt ?? order.date_created_gmt)
    )
  }
  const capture = meta(order, "_wc_klarna_capture_id")
  if (capture) {
    add(
      `Klarna order captured. Capture amount: ${wcPrice(order.total, symbol)}. Capture ID: ${capture}`,
      at(order.date_completed ?? order.date_modified, order.date_completed_gmt ?? order.date_modified_gmt)
    )
  }
  if (meta(order, "_wc_klarna_cancelled") === "yes") add("Klarna order cancelled.", at(order.date_modified, order.date_modified_gmt))
  for (const r of order.refunds ?? []) {
    if (order.payment_method === "kco" || order.payment_method === "klarna_payments") {
      add(`Processing a refund of ${wcPrice(r.total.replace(/^-/, ""), symbol)} with Klarna.`, at(order.date_modified, order.date_modified_gmt), "Shop Manager")
    }
  }
  // Newest first, as the API returns them.
  return notes
    .map((n, i): WooNote => ({ id: order.id * 100 + i + 1, ...n }))
    .sort((a, b) => (a.date_created_gmt < b.date_created_gmt ? 1 : a.date_created_gmt > b.date_created_gmt ? -1 : b.id - a.id))
}
