import { Modules } from "@medusajs/framework/utils"
import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { capturePaymentWorkflow, refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { applyOrderSnapshot } from "../../klarna/decisions/order-snapshot"
import { formatMinorUnits, fromMinorUnits } from "../../klarna/utils/currency"
import { klarnaClientFor } from "./klarna-provider-client"
import { withOrderRefundLock } from "../refunds/order-refund-lock"
import { loadOrderKlarnaPayments } from "./order-klarna-payments"
import type { AutomationResult } from "./run-klarna-automation"

/**
 * Re-reads the Klarna order and brings Medusa in line: captures and refunds
 * made in Klarna's portal are recorded on the Medusa payment (the provider
 * adopts them, nothing is sent to Klarna), and the payment's Klarna snapshot
 * (status, amounts, expiry) is refreshed.
 */
export async function syncKlarnaOrder(container: MedusaContainer, input: { order_id: string; actor?: string }): Promise<AutomationResult> {
  const order = await loadOrderKlarnaPayments(container, input.order_id)
  const payment = order?.payments.find((p) => p.data.klarna_order_id && !p.canceled_at) ?? order?.payments.find((p) => p.data.klarna_order_id)
  if (!payment) {
    return null
  }
  const client = klarnaClientFor(container, payment.provider_id)
  const klarna = await client.getOrder(payment.data.klarna_order_id!)
  const currency = payment.currency_code
  const notes: string[] = [`Klarna status ${klarna.status}`]

  const uncaptured = Math.min(klarna.captured_amount, payment.amount) - payment.captured_amount
  if (uncaptured > 0 && !payment.canceled_at) {
    await capturePaymentWorkflow(container).run({
      input: { payment_id: payment.id, amount: fromMinorUnits(uncaptured, currency), captured_by: input.actor },
    })
    notes.push(`capture of ${formatMinorUnits(uncaptured, currency)} made in Klarna recorded`)
  }
  const unrefunded = klarna.refunded_amount - payment.refunded_amount
  if (unrefunded > 0) {
    await withOrderRefundLock(container, input.order_id, () =>
      refundPaymentWorkflow(container).run({
        input: { payment_id: payment.id, amount: fromMinorUnits(unrefunded, currency), created_by: input.actor, note: "Refunded in Klarna" },
      })
    )
    notes.push(`refund of ${formatMinorUnits(unrefunded, currency)} made in Klarna recorded`)
  }
  const refreshed = await loadOrderKlarnaPayments(container, input.order_id)
  const current = refreshed?.payments.find((p) => p.id === payment.id) ?? payment
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  await payments.updatePayment({ id: payment.id, data: applyOrderSnapshot(current.data, klarna) } as any)
  return {
    outcome: "succeeded",
    payment_id: payment.id,
    klarna_order_id: klarna.order_id,
    klarna_reference: klarna.klarna_reference,
    currency_code: currency,
    message: `Synced from Klarna: ${notes.join("; ")}.`,
  }
}
