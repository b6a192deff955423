import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../modules/klarna-order-management"
import { parseKlarnaWebhook } from "../providers/klarna/core/webhook-payload"
import { sessionIdFromMerchantData } from "../providers/klarna/core/merchant-data"
import { klarnaClientFor } from "../lib/order-management/klarna-provider-client"
import { klarnaMessages } from "../lib/order-management/messages"
import { findOrderIdForPaymentSession } from "../lib/order-management/find-order-by-session"

type WebhookEvent = { provider: string; payload: { data: unknown } }

/**
 * Klarna's fraud decisions on orders that were pending review. Medusa's own
 * webhook handling authorizes an accepted payment (the provider reports
 * `authorized`); this records the decision in the order's Klarna log, and a
 * rejected or stopped order is flagged as needing attention — it can never be
 * captured, since every capture re-reads Klarna's fraud status.
 */
export default async function klarnaFraudNotification({ event: { data }, container }: SubscriberArgs<WebhookEvent>) {
  if (!data.provider?.startsWith("klarna")) {
    return
  }
  const notice = parseKlarnaWebhook(data.payload?.data)
  if (!notice) {
    return
  }
  const klarna = await klarnaClientFor(container, `pp_${data.provider}`).getOrder(notice.order_id).catch(() => undefined)
  const sessionId = sessionIdFromMerchantData(klarna?.merchant_data)
  const orderId = klarna && sessionId ? await findOrderIdForPaymentSession(container, sessionId) : undefined
  if (!klarna || !orderId) {
    return
  }
  const fraud = (klarna.fraud_status ?? "").toUpperCase()
  const rejected = fraud === "REJECTED" || fraud === "STOPPED" || /REJECTED|STOPPED/.test(notice.event_type ?? "")
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  await om.recordEvent({
    order_id: orderId,
    action: "webhook",
    outcome: rejected ? "needs_attention" : "succeeded",
    klarna_order_id: klarna.order_id,
    klarna_reference: klarna.klarna_reference,
    message: rejected ? `Klarna order rejected. ${klarnaMessages.fraudRejected(klarna.klarna_reference)}` : "Payment with Klarna is accepted.",
    payload: { event_type: notice.event_type ?? null, fraud_status: klarna.fraud_status ?? null },
  })
}

export const config: SubscriberConfig = {
  event: "payment.webhook_received",
  context: { subscriberId: "klarna-fraud-notification" },
}
