import type { MedusaContainer } from "@medusajs/framework/types"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { rerunnable } from "./attention-items"
import { dispatchKlarnaAutomation } from "./dispatch"

/** Runs again every automatic Klarna action whose retry is due (not dismissed ones). Returns how many ran. */
export async function retryDueKlarnaAutomations(container: MedusaContainer, now = new Date(), limit = 50): Promise<number> {
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const due = await om.listKlarnaEvents(
    { outcome: "pending_retry", next_attempt_at: { $lte: now }, resolved_at: null } as any,
    { order: { next_attempt_at: "ASC" }, take: limit }
  )
  for (const event of due) {
    const action = rerunnable(event)
    if (!action) {
      continue
    }
    await dispatchKlarnaAutomation(container, action.automation, {
      order_id: event.order_id,
      input: action.input,
      operation_key: action.operation_key,
      actor: event.actor,
      attempt: (event.attempts ?? 1) + 1,
    })
  }
  return due.length
}
