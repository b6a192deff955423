import type { KlarnaPaymentRow } from "../../../workflows/queries/order-klarna-payments"
import type { KlarnaRefundPlan } from "../../../klarna/types/payment-data"

/*
 * One rule for every amount the plugin's admin routes answer (README, "Amounts in the plugin's
 * admin API"): the plugin's own fields are integers in the currency's minor units (öre), named
 * `…_minor`, next to a `currency_code`. `klarna` (and the Klarna order lines of a refund plan) is
 * Klarna's data as Klarna sends it: minor units, Klarna's field names. Amounts an admin *sends*
 * (`{amount}` of capture and refund-preview) are major units, like Medusa's own admin API.
 */

/** A Medusa payment as the plugin's admin routes answer it. */
export function adminKlarnaPayment(p: KlarnaPaymentRow) {
  return {
    id: p.id,
    currency_code: p.currency_code,
    amount_minor: p.amount,
    captured_amount_minor: p.captured_amount,
    refunded_amount_minor: p.refunded_amount,
    canceled_at: p.canceled_at,
    data: p.data,
  }
}

/** An event-log entry as the admin routes answer it: the `amount` column (minor units) as `amount_minor`. */
export function adminKlarnaEvent<T extends { amount?: number | null }>(event: T): Omit<T, "amount"> & { amount_minor: number | null } {
  const { amount, ...rest } = event
  return { ...rest, amount_minor: amount ?? null }
}

/** A refund plan as refund-preview answers it: `amount_minor` and `currency_code`; `order_lines` are Klarna's. */
export function adminRefundPlan(plan: KlarnaRefundPlan, currencyCode: string) {
  const { amount, observed: _klarnaOrder, ...rest } = plan
  return { ...rest, amount_minor: amount, currency_code: currencyCode }
}
