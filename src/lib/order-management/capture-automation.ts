import type { MedusaContainer } from "@medusajs/framework/types"
import type { KlarnaCapturePlan } from "../../providers/klarna/types/payment-data"
import { captureKlarnaOrderWorkflow } from "../../workflows/capture-klarna-order"
import { klarnaMessages } from "./messages"
import { loadOrderKlarnaPayments } from "./order-klarna-payments"
import type { AutomationResult } from "./run-klarna-automation"

export type CaptureAutomationInput = {
  order_id: string
  amount?: number
  respect_toggle: boolean
  capture_plan?: Omit<KlarnaCapturePlan, "amount">
  captured_by?: string
}

/** Captures through the capture workflow and describes what happened for the event log. */
export async function captureKlarnaForOrder(container: MedusaContainer, input: CaptureAutomationInput): Promise<AutomationResult> {
  const { result } = await captureKlarnaOrderWorkflow(container).run({ input })
  const r = result.resolution
  if (!r) {
    return null
  }
  if (!r.capture) {
    return {
      outcome: r.outcome,
      message: r.message,
      payment_id: r.payment_id,
      klarna_order_id: r.klarna_order_id,
      currency_code: r.currency_code,
    }
  }
  const order = await loadOrderKlarnaPayments(container, input.order_id)
  const payment = order?.payments.find((p) => p.id === r.payment_id)
  const record = payment?.data.captures?.[payment.data.captures.length - 1]
  const captureId = record?.capture_id ?? "unknown"
  return {
    outcome: "succeeded",
    payment_id: r.payment_id,
    amount: r.amount,
    currency_code: r.currency_code,
    klarna_order_id: r.klarna_order_id,
    klarna_capture_id: captureId,
    klarna_reference: record?.klarna_reference ?? payment?.data.klarna_reference,
    message: record?.adopted
      ? klarnaMessages.adoptedCapture(r.amount, r.currency_code, captureId)
      : klarnaMessages.captured(r.amount, r.currency_code, captureId, record?.klarna_reference),
  }
}
