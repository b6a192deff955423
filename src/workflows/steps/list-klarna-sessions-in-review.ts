import { Modules, PaymentWebhookEvents } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isManagedProviderId } from "../../klarna/provider-ids"

export type WebhookReceivedEvent = { name: string; data: { provider: string; payload: { data: { order_id: string }; rawData: string; headers: Record<string, string> } } }

/** Klarna decides a review within days; a session still waiting after this is beyond a re-check. */
const REVIEW_LOOKBACK_MS = 30 * 86_400_000

/**
 * The Klarna and Kustom payment sessions still waiting for Klarna's fraud decision (created in the
 * last 30 days, read `page_size` at a time, all of them: a session Klarna never decides cannot keep
 * newer ones from their re-check), each as the notification Klarna would have sent for it.
 */
export const listKlarnaSessionsInReviewStep = createStep("list-klarna-sessions-in-review", async (input: { page_size: number; now?: string }, { container }) => {
  const payments = container.resolve(Modules.PAYMENT)
  const since = new Date((input.now ? Date.parse(input.now) : Date.now()) - REVIEW_LOOKBACK_MS)
  const sessions: Awaited<ReturnType<typeof payments.listPaymentSessions>> = []
  for (let skip = 0; ; skip += input.page_size) {
    const page = await payments.listPaymentSessions({ status: "pending_authorization", created_at: { $gte: since } } as any, {
      select: ["id", "provider_id", "data", "updated_at"],
      order: { created_at: "ASC", id: "ASC" },
      take: input.page_size,
      skip,
    })
    sessions.push(...page)
    if (page.length < input.page_size) break
  }
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
