import { formatMinorUnits } from "../utils/currency"

export type MedusaPaymentAmounts = { amount: number; captured_amount: number; refunded_amount: number; canceled_at?: string | null }
export type KlarnaOrderAmounts = { status: string; captured_amount: number; refunded_amount: number }

/** What Klarna holds that Medusa has not recorded (minor units): captures and refunds made in Klarna's portal. */
export function klarnaSyncPlan(payment: MedusaPaymentAmounts, klarna: KlarnaOrderAmounts) {
  const uncaptured = Math.min(klarna.captured_amount, payment.amount) - payment.captured_amount
  return {
    capture: uncaptured > 0 && !payment.canceled_at ? uncaptured : 0,
    refund: Math.max(klarna.refunded_amount - payment.refunded_amount, 0),
  }
}

/** The sync's event-log message. */
export function syncMessage(klarna: KlarnaOrderAmounts, plan: { capture: number; refund: number }, currency: string): string {
  const notes = [`Klarna status ${klarna.status}`]
  if (plan.capture > 0) notes.push(`capture of ${formatMinorUnits(plan.capture, currency)} made in Klarna recorded`)
  if (plan.refund > 0) notes.push(`refund of ${formatMinorUnits(plan.refund, currency)} made in Klarna recorded`)
  return `Synced from Klarna: ${notes.join("; ")}.`
}
