import { Modules, PaymentWebhookEvents } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isManagedProviderId } from "../../klarna/provider-ids"

export type WebhookReceivedEvent = { name: string; data: { provider: string; payload: { data: { order_id: string }; rawData: string; headers: Record<string, string> } } }

/**
 * The Klarna and Kustom payment sessions still waiting for Klarna's fraud decision (oldest first, at most
 * `limit`), each as the notification Klarna would have sent for it.
 */
export const listKlarnaSessionsInReviewStep = createStep("list-klarna-sessions-in-review", async (input: { limit: number }, { container }) => {
  const sessions = await container.resolve(Modules.PAYMENT).listPaymentSessions({ status: "pending_authorization" } as any, {
    select: ["id", "provider_id", "data", "updated_at"],
    order: { updated_at: "ASC" },
    take: input.limit,
  })
  const pending = sessions.filter((s) => isManagedProviderId(s.provider_id) && s.data?.klarna_order_id)
  return new StepResponse<WebhookReceivedEvent[]>(
    pending.map((s) => ({
      name: PaymentWebhookEvents.WebhookReceived,
      data: {
        provider: String(s.provider_id).replace(/^pp_/, ""),
        payload: { data: { order_id: String(s.data!.klarna_order_id) }, rawData: "", headers: {} },
      },
    }))
  )
})
