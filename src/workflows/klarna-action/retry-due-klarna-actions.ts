import type { MedusaContainer } from "@medusajs/framework/types"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { rerunnable } from "./rerunnable"
import { runKlarnaAction } from "./run-klarna-action"

/** Runs again every Klarna action whose retry is due (not dismissed ones), oldest due first. Returns how many were due. */
export async function retryDueKlarnaActions(container: MedusaContainer, now = new Date(), limit = 50): Promise<number> {
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const due = await om.listKlarnaEvents(
    { outcome: "pending_retry", next_attempt_at: { $lte: now }, resolved_at: null } as any,
    { order: { next_attempt_at: "ASC" }, take: limit }
  )
  for (const event of due) {
    const action = rerunnable(event)
    if (action) {
      await runKlarnaAction(container, action, { ...action, actor: event.actor, attempt: (event.attempts ?? 1) + 1 })
    }
  }
  return due.length
}
