import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { KLARNA_CAPTURE_RECORDED, type KlarnaCaptureRecorded } from "../workflows/capture-klarna-order"
import { orderOfKlarnaPayment } from "../workflows/queries/order-of-klarna-payment"
import { shippedFulfillmentIds } from "../workflows/queries/shipped-fulfillments"
import { sendFulfillmentTracking } from "./klarna-tracking-after-capture"

type Captured = KlarnaCaptureRecorded | { id: string }

/**
 * Parcels that shipped before the capture (their shipment found nothing captured to add tracking
 * to) get their tracking numbers on it, however the capture came: on completion, by the retry job
 * after Klarna was down, from the widget, or through Medusa's own capture (`payment.captured`). One
 * entry per fulfilment and set of numbers, so a parcel whose numbers are already sent is not sent again.
 * A capture Medusa's capture workflow made is handled on its `payment.captured` only; the plugin's
 * `klarna.capture_recorded` counts where there was none (a capture finished after its process died).
 */
export default async function klarnaTrackingOfEarlierShipments({ event: { data }, container }: SubscriberArgs<Captured>) {
  if ("order_id" in data && data.medusa_captured) {
    return
  }
  const orderId = "order_id" in data ? data.order_id : await orderOfKlarnaPayment(container, data.id)
  if (!orderId) {
    return
  }
  for (const fulfillmentId of await shippedFulfillmentIds(container, orderId)) {
    await sendFulfillmentTracking(container, fulfillmentId)
  }
}

export const config: SubscriberConfig = {
  event: [KLARNA_CAPTURE_RECORDED, PaymentEvents.CAPTURED],
  context: { subscriberId: "klarna-tracking-of-earlier-shipments" },
}
