import type { KlarnaOrder } from "../client"
import type { KlarnaObservedOrder } from "../types/payment-data"

/** The parts of Klarna's order a refund decision reads, as read at `readAt`. */
export function observedKlarnaOrder(klarna: KlarnaOrder, readAt: Date): KlarnaObservedOrder {
  return {
    read_at: readAt.toISOString(),
    status: klarna.status,
    order_amount: klarna.order_amount,
    captured_amount: klarna.captured_amount,
    refunded_amount: klarna.refunded_amount,
    purchase_currency: klarna.purchase_currency,
    order_lines: klarna.order_lines,
    refunds: (klarna.refunds ?? []).map((r) => ({ refund_id: r.refund_id, refunded_amount: r.refunded_amount, reference: r.reference, refunded_at: r.refunded_at })),
  }
}
