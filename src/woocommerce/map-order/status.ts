/**
 * Which orders are imported (Klarna payment method, an importable status) and
 * the Medusa status they get, with the Klarna data read from the order and its notes.
 */
import { extractKlarnaData, type KlarnaOrderData } from "../klarna-order-data"
import { isKlarnaOrder } from "../klarna-payment-methods"
import { mapWooStatus, type MedusaStatusTarget } from "../status-map"
import type { WooNote, WooOrder } from "../woo-schemas"
import { fail, type OrderScope } from "./order-scope"
import type { MapWooOrderContext } from "./woo-draft-types"

type StatusOptions = Pick<MapWooOrderContext, "includeUnpaid" | "customStatuses" | "klarnaOnly">

/** Before any amount is read: a non-Klarna order, or one whose status is skipped, is rejected. Returns the status without `wc-`. */
export function importableStatus(order: WooOrder, label: string, ctx: StatusOptions): string {
  if (ctx.klarnaOnly !== false && !isKlarnaOrder(order)) {
    fail(`${label}: payment method "${order.payment_method ?? ""}" (${order.payment_method_title ?? "no title"}) is not a Klarna payment method`)
  }
  const status = (order.status ?? "").trim().toLowerCase().replace(/^wc-/, "")
  const pre = mapWooStatus(status, { includeUnpaid: ctx.includeUnpaid, customStatuses: ctx.customStatuses })
  if (pre.action === "skip") fail(`${label}: ${pre.reason}`)
  return status
}

/**
 * The Medusa status once the refunds are known, and the Klarna data; an
 * authorized or captured order without a Klarna order id is flagged for review
 * (unless it was paid through a legacy Klarna gateway).
 */
export function statusAndKlarna(
  scope: OrderScope,
  order: WooOrder,
  notes: readonly WooNote[],
  status: string,
  ctx: StatusOptions,
  amounts: { refundedTotal: number; orderTotal: number }
): { medusaStatus: MedusaStatusTarget; klarna: KlarnaOrderData } {
  const mapped = mapWooStatus(status, {
    includeUnpaid: ctx.includeUnpaid,
    customStatuses: ctx.customStatuses,
    refundedAmount: amounts.refundedTotal,
    orderTotal: amounts.orderTotal,
  })
  if (mapped.action === "skip") return scope.fail(mapped.reason)
  const medusaStatus: MedusaStatusTarget = { ...mapped.medusa }
  if (!isKlarnaOrder(order)) {
    return { medusaStatus, klarna: notPaidWithKlarna(order) }
  }
  const klarna = extractKlarnaData(order, notes)
  if (!klarna.legacy && !klarna.klarna_order_id && (medusaStatus.payment === "authorized" || medusaStatus.payment === "captured")) {
    medusaStatus.flag_review = true
    medusaStatus.review_reasons = [...(medusaStatus.review_reasons ?? []), "no Klarna order id: order management is not possible"]
  }
  return { medusaStatus, klarna }
}

/** An order paid otherwise (imported with `--all`): no Klarna facts, history only. */
function notPaidWithKlarna(order: WooOrder): KlarnaOrderData {
  return { environment: undefined, payment_method: "pay_later", woo_payment_method: order.payment_method ?? "", legacy: false, warnings: [] }
}
