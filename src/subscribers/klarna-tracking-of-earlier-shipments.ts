import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { KLARNA_CAPTURE_RECORDED, type KlarnaCaptureRecorded } from "../workflows/capture-klarna-order"
import { shippedFulfillmentIds } from "../workflows/queries/shipped-fulfillments"
import { sendFulfillmentTracking } from "./klarna-tracking-after-capture"

/**
 * Parcels that shipped before the capture (their shipment found nothing captured to add tracking
 * to) get their tracking numbers on it, however the capture came: on completion, by the retry job
 * after Klarna was down, or from the widget. One entry per fulfilment and set of numbers, so a
 * parcel whose numbers are already on the capture is not sent again.
 */
export default async function klarnaTrackingOfEarlierShipments({ event: { data }, container }: SubscriberArgs<KlarnaCaptureRecorded>) {
  for (const fulfillmentId of await shippedFulfillmentIds(container, data.order_id)) {
    await sendFulfillmentTracking(container, fulfillmentId)
  }
}

export const config: SubscriberConfig = {
  event: KLARNA_CAPTURE_RECORDED,
  context: { subscriberId: "klarna-tracking-of-earlier-shipments" },
}
