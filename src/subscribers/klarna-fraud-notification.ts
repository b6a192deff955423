import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../modules/klarna-order-management"
import { KlarnaApiError } from "../klarna/client"
import { parseKlarnaWebhook } from "../klarna/decisions/webhook-payload"
import { fraudDecisionKey, fraudDecisionToLog } from "../klarna/decisions/webhook-decision"
import { sessionIdFromMerchantData } from "../klarna/decisions/merchant-data"
import type { KlarnaPaymentData } from "../klarna/types/payment-data"
import { klarnaClientFor } from "../lib/order-management/klarna-provider-client"
import { klarnaMessages } from "../klarna/messages"
import { announceKlarnaAttention } from "../lib/order-management/announce-attention"
import { findOrderIdForPaymentSession } from "../lib/order-management/find-order-by-session"

type WebhookEvent = { provider: string; payload: { data: unknown } }

/**
 * Klarna's fraud decisions on orders that were pending review. Medusa's own
 * webhook handling authorizes an accepted payment (the provider reports
 * `authorized`); this records the decision in the order's Klarna log, and a
 * rejected or stopped order is flagged as needing attention — it can never be
 * captured, since every capture re-reads Klarna's fraud status.
 *
 * The decision is Klarna's fraud_status read back from Klarna, never the
 * notification's event_type; each decision is logged once however often it
 * is notified.
 */
export default async function klarnaFraudNotification({ event: { data }, container }: SubscriberArgs<WebhookEvent>) {
  if (!data.provider?.startsWith("klarna")) {
    return
  }
  const notice = parseKlarnaWebhook(data.payload?.data)
  if (!notice) {
    return
  }
  const klarna = await klarnaClientFor(container, `pp_${data.provider}`)
    .getOrder(notice.order_id)
    .catch((e) => {
      if (e instanceof KlarnaApiError && e.status === 404) return undefined
      throw e // the event bus retries the notification
    })
  const sessionId = sessionIdFromMerchantData(klarna?.merchant_data)
  if (!klarna || !sessionId) {
    return
  }
  const session = await container
    .resolve(Modules.PAYMENT)
    .retrievePaymentSession(sessionId)
    .catch(() => undefined)
  const heldForReview = !!session && ((session.data as KlarnaPaymentData)?.held_for_fraud_review === true || session.status === "pending_authorization")
  const decision = fraudDecisionToLog(klarna, heldForReview)
  const orderId = decision ? await findOrderIdForPaymentSession(container, sessionId) : undefined
  if (!decision || !orderId) {
    return
  }
  const key = fraudDecisionKey(klarna)
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  await container.resolve(Modules.LOCKING).execute(
    key,
    async () => {
      const [logged] = await om.listKlarnaEvents({ operation_key: key }, { take: 1 })
      if (logged) {
        return
      }
      const rejected = decision === "rejected"
      const event = await om.recordEvent({
        order_id: orderId,
        action: "webhook",
        outcome: rejected ? "needs_attention" : "succeeded",
        klarna_order_id: klarna.order_id,
        klarna_reference: klarna.klarna_reference,
        message: rejected ? `Klarna order rejected. ${klarnaMessages.fraudRejected(klarna.klarna_reference)}` : "Payment with Klarna is accepted.",
        operation_key: key,
        payload: { event_type: notice.event_type ?? null, event_id: notice.event_id ?? null, fraud_status: klarna.fraud_status ?? null },
      })
      // A rejection needs the merchant: the server log and the admin's bell, not only the order's log.
      await announceKlarnaAttention(container, null, event as any)
    },
    { timeout: 10 }
  )
}

export const config: SubscriberConfig = {
  event: "payment.webhook_received",
  context: { subscriberId: "klarna-fraud-notification" },
}
