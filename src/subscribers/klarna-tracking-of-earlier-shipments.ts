import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { isManagedProviderId } from "../klarna/provider-ids"
import { KLARNA_CAPTURE_RECORDED, type KlarnaCaptureRecorded } from "../workflows/capture-klarna-order"
import { shippedFulfillmentIds } from "../workflows/queries/shipped-fulfillments"
import { sendFulfillmentTracking } from "./klarna-tracking-after-capture"

type Captured = KlarnaCaptureRecorded | { id: string }

/**
 * Parcels that shipped before the capture (their shipment found nothing captured to add tracking
 * to) get their tracking numbers on it, however the capture came: on completion, by the retry job
 * after Klarna was down, from the widget, or through Medusa's own capture (`payment.captured`). One
 * entry per fulfilment and set of numbers, so a parcel whose numbers are already sent is not sent again.
 */
export default async function klarnaTrackingOfEarlierShipments({ event: { data }, container }: SubscriberArgs<Captured>) {
  const orderId = "order_id" in data ? data.order_id : await klarnaOrderOfPayment(container, data.id)
  if (!orderId) {
    return
  }
  for (const fulfillmentId of await shippedFulfillmentIds(container, orderId)) {
    await sendFulfillmentTracking(container, fulfillmentId)
  }
}

/** The order a captured payment belongs to, when it is a Klarna or Kustom payment. */
async function klarnaOrderOfPayment(container: MedusaContainer, paymentId: string): Promise<string | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "payment", fields: ["id", "provider_id", "payment_collection.order.id"], filters: { id: paymentId } })
  const payment = data[0] as any
  return payment && isManagedProviderId(payment.provider_id) ? payment.payment_collection?.order?.id : undefined
}

export const config: SubscriberConfig = {
  event: [KLARNA_CAPTURE_RECORDED, PaymentEvents.CAPTURED],
  context: { subscriberId: "klarna-tracking-of-earlier-shipments" },
}
