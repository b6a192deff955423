import { PaymentActions } from "@medusajs/framework/utils"
import { isFraudPending, isFraudRejected } from "./fraud-status"

export interface NotifiedOrder {
  order_id: string
  status: string
  fraud_status?: string | null
}

export type FraudVerdict = "accepted" | "rejected" | "pending"

/**
 * Klarna's fraud decision as Klarna itself reports it when the order is read
 * back. A notification's `event_type` is never consulted: notifications are
 * unsigned, so anyone who knows an order id can send one.
 */
export function fraudVerdict(order: Pick<NotifiedOrder, "fraud_status">): FraudVerdict | undefined {
  if (!order.fraud_status) return undefined
  if (isFraudRejected(order.fraud_status)) return "rejected"
  if (isFraudPending(order.fraud_status)) return "pending"
  return order.fraud_status.toUpperCase() === "ACCEPTED" ? "accepted" : undefined
}

/** What Medusa's payment webhook flow should do for the order as Klarna has it now. */
export function webhookPaymentAction(order: NotifiedOrder): PaymentActions {
  const verdict = fraudVerdict(order)
  if (verdict === "rejected") {
    return PaymentActions.FAILED
  }
  if (verdict === "accepted" && (order.status === "AUTHORIZED" || order.status === "PART_CAPTURED")) {
    return PaymentActions.AUTHORIZED
  }
  return PaymentActions.NOT_SUPPORTED
}

/**
 * Whether Klarna's decision belongs in the order's event log: a rejection
 * (or stop) always does; an acceptance only for an order Klarna held for
 * review, since Klarna only notifies PENDING → ACCEPTED and an order accepted
 * at purchase has no decision to report. PENDING is not a decision.
 */
export function fraudDecisionToLog(order: NotifiedOrder, heldForReview: boolean): Exclude<FraudVerdict, "pending"> | undefined {
  const verdict = fraudVerdict(order)
  if (verdict === "rejected") return verdict
  if (verdict === "accepted" && heldForReview) return verdict
  return undefined
}

/**
 * The event-log key of a fraud decision: Klarna's order id and its fraud
 * status as read back. A repeated notification (same decision) finds its entry
 * and changes nothing; a later different decision (e.g. STOPPED) gets its own.
 * The notification's own event id is not used: it is sender-chosen, so a
 * forger could mint a fresh one per request.
 */
export function fraudDecisionKey(order: NotifiedOrder): string {
  return `klarna-fraud:${order.order_id}:${(order.fraud_status ?? "").toUpperCase()}`
}
