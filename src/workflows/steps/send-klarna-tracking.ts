import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { klarnaIdempotencyKey } from "../../klarna/client"
import { trackingCapture } from "../../klarna/decisions/tracking-capture"
import { klarnaMessages } from "../../klarna/messages"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { klarnaClientFor } from "../../providers/klarna/provider-client"
import type { KlarnaActionResult } from "../klarna-action/types"
import { fulfillmentTracking } from "../queries/fulfillment-tracking"
import { loadOrderKlarnaPayments } from "../queries/order-klarna-payments"

export type SendKlarnaTrackingStepInput = { order_id: string; fulfillment_id: string }

/**
 * Adds a shipped fulfilment's tracking to the Klarna captures that hold its
 * items. Answers null (nothing to record) when there is nothing to tell
 * Klarna: no tracking number, items not captured yet (their capture carries
 * the tracking), or every capture already has the numbers. Klarna keeps
 * shipping info once added, so there is nothing to compensate; a retry sends
 * with the same idempotency keys, and finds what was sent on the capture.
 */
export const sendKlarnaTrackingStep = createStep("send-klarna-tracking", async (input: SendKlarnaTrackingStepInput, { container }) => {
  const tracking = await fulfillmentTracking(container, input.fulfillment_id)
  if (!tracking?.shipping_info.length) {
    return new StepResponse<KlarnaActionResult>(null)
  }
  const order = await loadOrderKlarnaPayments(container, input.order_id)
  const payment = order?.payments.find((p) => !!p.data.klarna_order_id && !!p.data.captures?.length)
  if (!payment) {
    return new StepResponse<KlarnaActionResult>(null)
  }
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const { completion_trigger } = await om.getSettings()
  const klarnaOrderId = payment.data.klarna_order_id!
  const client = klarnaClientFor(container, payment.provider_id)
  const klarna = await client.getOrder(klarnaOrderId)
  const decision = trackingCapture({
    order_amount: klarna.order_amount,
    captures: klarna.captures,
    recorded_capture_ids: (payment.data.captures ?? []).map((c) => c.capture_id),
    references: tracking.references,
    shipping_info: tracking.shipping_info,
    shipment_captures: completion_trigger === "shipment.created" && payment.captured_amount < payment.amount,
  })
  if (!decision.send) {
    return new StepResponse<KlarnaActionResult>(null)
  }
  const base = { payment_id: payment.id, klarna_order_id: klarnaOrderId, klarna_capture_id: decision.targets[0].capture_id }
  const method = payment.data.payment_method ?? "pay_later"
  const blocked = await om.automationBlock("tracking_after_capture", method, input.order_id)
  if (blocked) {
    return new StepResponse<KlarnaActionResult>({
      outcome: "skipped",
      message: klarnaMessages.automationOff(blocked, "tracking_after_capture", method, "the tracking number was not sent to Klarna."),
      ...base,
    })
  }
  for (const target of decision.targets) {
    const numbers = target.shipping_info.map((s) => encodeURIComponent(s.tracking_number ?? ""))
    const key = klarnaIdempotencyKey("shipping-info", klarnaOrderId, target.capture_id, ...numbers)
    await client.addCaptureShippingInfo(klarnaOrderId, target.capture_id, { shipping_info: target.shipping_info }, key)
  }
  const numbers = [...new Set(decision.targets.flatMap((t) => t.shipping_info.map((s) => s.tracking_number!)))]
  return new StepResponse<KlarnaActionResult>({
    outcome: "succeeded",
    message: klarnaMessages.trackingSent(numbers, decision.targets.map((t) => t.capture_id)),
    ...base,
  })
})
