import { Modules, PaymentWebhookEvents } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * Klarna tells the shop its fraud decision by an unsigned notification, which
 * can be lost (or held back by the notification route's rate limit). So the
 * payment sessions still waiting for a decision are re-checked on a schedule:
 * each goes through the same path as a notification (Medusa's webhook
 * handling, which reads the decision back from Klarna, then the plugin's
 * event log), at most `limit` per run. Returns how many were re-checked.
 */
export async function recheckPendingFraudReviews(container: MedusaContainer, limit = 100): Promise<number> {
  const payments = container.resolve(Modules.PAYMENT)
  const sessions = await payments.listPaymentSessions({ status: "pending_authorization" } as any, {
    select: ["id", "provider_id", "data", "updated_at"],
    order: { updated_at: "ASC" },
    take: limit,
  })
  const pending = sessions.filter((s) => String(s.provider_id).startsWith("pp_klarna") && s.data?.klarna_order_id)
  if (!pending.length) {
    return 0
  }
  await container.resolve(Modules.EVENT_BUS).emit(
    pending.map((s) => ({
      name: PaymentWebhookEvents.WebhookReceived,
      data: {
        provider: String(s.provider_id).replace(/^pp_/, ""),
        payload: { data: { order_id: s.data!.klarna_order_id }, rawData: "", headers: {} },
      },
    }))
  )
  return pending.length
}
