import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { runKlarnaAction } from "../workflows/klarna-action/run-klarna-action"
import { fulfillmentTracking } from "../workflows/queries/fulfillment-tracking"
import { sendKlarnaTrackingAction } from "../workflows/send-klarna-tracking"

/**
 * A shipment's tracking reaches the Klarna capture of its items when they were
 * captured before it shipped. When the shipment itself captures (completion
 * trigger shipment.created), its capture carries the numbers and this finds
 * them there. Medusa 2.21 emits no event for a label edited afterwards.
 */
export default async function klarnaTrackingAfterCapture({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await sendFulfillmentTracking(container, data.id)
}

/** Runs the tracking action for one fulfilment (one entry per fulfilment and set of numbers). */
export async function sendFulfillmentTracking(container: MedusaContainer, fulfillmentId: string) {
  const tracking = await fulfillmentTracking(container, fulfillmentId)
  if (!tracking?.shipping_info.length) {
    return
  }
  const numbers = tracking.shipping_info.map((s) => s.tracking_number).sort()
  await runKlarnaAction(container, sendKlarnaTrackingAction, {
    order_id: tracking.order_id,
    input: { order_id: tracking.order_id, fulfillment_id: fulfillmentId },
    operation_key: `shipping_info:${fulfillmentId}:${numbers.join(",")}`,
  })
}

export const config: SubscriberConfig = {
  event: "shipment.created",
  context: { subscriberId: "klarna-tracking-after-capture" },
}
