import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../modules/klarna-order-management"
import { captureKlarnaAction } from "../workflows/capture-klarna-order"
import { runKlarnaAction } from "../workflows/klarna-action/run-klarna-action"
import { fulfillmentCapture } from "../workflows/queries/fulfillment-capture"

/**
 * When "completion" is configured as shipment or delivery, each fulfilment
 * captures the value of its own items (with their lines and tracking number),
 * and the one that completes the order captures the rest.
 */
export default async function klarnaCaptureOnFulfillment({ event: { name, data }, container }: SubscriberArgs<{ id: string }>) {
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const trigger = (await om.getSettings()).completion_trigger
  if (trigger === "order.completed" || trigger !== name) {
    return
  }
  const plan = await fulfillmentCapture(container, data.id, trigger)
  if (!plan) {
    return
  }
  await runKlarnaAction(container, captureKlarnaAction, {
    order_id: plan.order_id,
    input: { order_id: plan.order_id, amount: plan.amount, capture_plan: plan.capture_plan, respect_toggle: true },
    operation_key: `capture:${plan.order_id}:${data.id}`,
  })
}

export const config: SubscriberConfig = {
  event: ["shipment.created", "delivery.created"],
  context: { subscriberId: "klarna-capture-on-fulfillment" },
}
