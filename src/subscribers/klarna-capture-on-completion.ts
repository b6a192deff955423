import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../modules/klarna-order-management"
import { captureKlarnaAction } from "../workflows/capture-klarna-order"
import { runKlarnaAction } from "../workflows/klarna-action/run-klarna-action"

/**
 * WooCommerce's "On order completion": the completed order's Klarna reservation is captured. (Parcels
 * that shipped before get their tracking on that capture: klarna-tracking-of-earlier-shipments.)
 */
export default async function klarnaCaptureOnCompletion({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  if ((await om.getSettings()).completion_trigger !== "order.completed") {
    return
  }
  await runKlarnaAction(container, captureKlarnaAction, {
    order_id: data.id,
    input: { order_id: data.id, respect_toggle: true },
    operation_key: `capture:${data.id}:completion`,
  })
}

export const config: SubscriberConfig = {
  event: "order.completed",
  context: { subscriberId: "klarna-capture-on-completion" },
}
