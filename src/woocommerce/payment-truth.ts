import type { ImportedOrderDraft } from "./map-order/woo-draft-types"

export type PaymentTruth = { captured: number; refunds: Array<{ amount: number; reason: string | null }>; canceled: boolean }

/** The amounts of Klarna's order that reconciliation compares. */
export type KlarnaOrderAmounts = { captured_amount: number; refunded_amount: number; status: string }

/** What reading Klarna's order gave: nothing (not asked), the order, or why it could not be read. */
export type KlarnaOrderRead = { order: KlarnaOrderAmounts } | { error: string } | null

const CAPTURED_STATES = ["captured", "refunded", "partially_refunded"]

/** What WooCommerce says was captured, refunded and canceled, in minor units. */
export function wooPaymentTruth(draft: ImportedOrderDraft): PaymentTruth {
  const target = draft.medusa_status.payment
  return {
    captured: CAPTURED_STATES.includes(target) ? draft.totals.total : 0,
    refunds: draft.refunds.map((r) => ({ amount: r.amount, reason: r.reason })),
    canceled: target === "canceled",
  }
}

/** Whether reconciling this order asks Klarna: only a current (non-legacy) Klarna order can be read. */
export function reconcilesWithKlarna(draft: ImportedOrderDraft, reconcile: boolean): boolean {
  return reconcile && !!draft.klarna.klarna_order_id && !draft.klarna.legacy
}

/**
 * WooCommerce's payment truth, with Klarna's order (when read) winning where
 * the two disagree; each disagreement is described for the run's report.
 */
export function reconcilePaymentTruth(draft: ImportedOrderDraft, klarna: KlarnaOrderRead): { truth: PaymentTruth; differences: string[] } {
  const truth = wooPaymentTruth(draft)
  const differences: string[] = []
  if (!klarna) {
    return { truth, differences }
  }
  if ("error" in klarna) {
    differences.push(`Klarna could not confirm the order: ${klarna.error}`)
    return { truth, differences }
  }
  const { order } = klarna
  const wooCaptured = truth.captured
  if (order.captured_amount !== wooCaptured) {
    differences.push(`captured: WooCommerce ${wooCaptured}, Klarna ${order.captured_amount} (Klarna used)`)
    truth.captured = Math.min(order.captured_amount, draft.totals.total)
  }
  const wooRefunded = draft.refunds.reduce((s, r) => s + r.amount, 0)
  if (order.refunded_amount !== wooRefunded) {
    differences.push(`refunded: WooCommerce ${wooRefunded}, Klarna ${order.refunded_amount} (Klarna used)`)
    truth.refunds = order.refunded_amount > 0 ? [{ amount: Math.min(order.refunded_amount, truth.captured), reason: "Refunded (per Klarna)" }] : []
  }
  if (order.status === "CANCELLED" && !truth.canceled) {
    differences.push("Klarna order is cancelled (Klarna used)")
    truth.canceled = true
  }
  return { truth, differences }
}
