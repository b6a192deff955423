import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { parseKlarnaWebhook } from "../klarna/decisions/webhook-payload"
import { isManagedProviderId } from "../klarna/provider-ids"
import { recordKlarnaFraudNotificationWorkflow } from "../workflows/record-klarna-fraud-notification"

type WebhookEvent = { provider: string; payload: { data: unknown } }

/**
 * Klarna's fraud decisions on orders that were pending review. Medusa's own
 * webhook handling authorizes an accepted payment (the provider reports
 * `authorized`); this records the decision in the order's Klarna log, and a
 * rejected or stopped order is flagged as needing attention — it can never be
 * captured, since every capture re-reads Klarna's fraud status.
 */
export default async function klarnaFraudNotification({ event: { data }, container }: SubscriberArgs<WebhookEvent>) {
  // Klarna's and Kustom's (Klarna Checkout) notifications alike; Medusa names the provider without `pp_`.
  const providerId = `pp_${data.provider}`
  if (!data.provider || !isManagedProviderId(providerId)) {
    return
  }
  const notice = parseKlarnaWebhook(data.payload?.data)
  if (!notice) {
    return
  }
  await recordKlarnaFraudNotificationWorkflow(container).run({
    input: { provider_id: providerId, klarna_order_id: notice.order_id, event_type: notice.event_type, event_id: notice.event_id },
  })
}

export const config: SubscriberConfig = {
  event: "payment.webhook_received",
  context: { subscriberId: "klarna-fraud-notification" },
}
