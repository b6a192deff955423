import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { KlarnaOrder } from "../../klarna/client"
import { klarnaClientFor } from "../../providers/klarna/provider-client"
import { loadOrderKlarnaPayments, orderKlarnaPayment, type KlarnaPaymentRow, type LoadOrderKlarnaPaymentsOptions } from "../queries/order-klarna-payments"

export type KlarnaSyncState = { order_id: string; payment: KlarnaPaymentRow; klarna: KlarnaOrder } | null

/** The order's Klarna payment (the live one, else the newest) and Klarna's order as it is now. */
export const readKlarnaOrderForSyncStep = createStep("read-klarna-order-for-sync", async (input: { order_id: string } & LoadOrderKlarnaPaymentsOptions, { container }) => {
  const order = await loadOrderKlarnaPayments(container, input.order_id, { refuse_unless_klarna_order: input.refuse_unless_klarna_order })
  const payment = orderKlarnaPayment(order, "live")
  if (!payment) {
    return new StepResponse<KlarnaSyncState>(null)
  }
  const klarna = await klarnaClientFor(container, payment.provider_id).getOrder(payment.data.klarna_order_id!)
  return new StepResponse<KlarnaSyncState>({ order_id: input.order_id, payment, klarna })
})
