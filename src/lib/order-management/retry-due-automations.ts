import type { MedusaContainer } from "@medusajs/framework/types"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { dispatchKlarnaAutomation } from "./dispatch"

/** Runs again every automatic Klarna action whose retry is due. Returns how many ran. */
export async function retryDueKlarnaAutomations(container: MedusaContainer, now = new Date(), limit = 50): Promise<number> {
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const due = await om.listKlarnaEvents(
    { outcome: "pending_retry", next_attempt_at: { $lte: now } } as any,
    { order: { next_attempt_at: "ASC" }, take: limit }
  )
  for (const event of due) {
    const payload = (event.payload ?? {}) as { automation?: string; input?: Record<string, unknown> }
    if (!payload.automation || !event.operation_key) {
      continue
    }
    await dispatchKlarnaAutomation(container, payload.automation, {
      order_id: event.order_id,
      input: payload.input ?? {},
      operation_key: event.operation_key,
      actor: event.actor,
      attempt: (event.attempts ?? 1) + 1,
    })
  }
  return due.length
}
