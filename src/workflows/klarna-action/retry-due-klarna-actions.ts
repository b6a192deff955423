import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { rerunnable } from "./rerunnable"
import { runKlarnaAction } from "./run-klarna-action"

/**
 * Runs again every Klarna action whose retry is due (not dismissed ones), oldest
 * due first — among them actions whose process died before they ended (their
 * claim's lease ran out). One that cannot run now (its order still busy) stays
 * due for the next tick. Returns how many were due.
 */
export async function retryDueKlarnaActions(container: MedusaContainer, now = new Date(), limit = 50): Promise<number> {
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const due = await om.listKlarnaEvents(
    { outcome: ["pending_retry", "running"], next_attempt_at: { $lte: now }, resolved_at: null } as any,
    { order: { next_attempt_at: "ASC" }, take: limit }
  )
  for (const event of due) {
    const action = rerunnable(event)
    if (action) {
      await runKlarnaAction(container, action, { ...action, actor: event.actor, attempt: (event.attempts ?? 1) + 1 }).catch((e) =>
        container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Klarna ${action.verb} of order ${action.order_id} is retried on the next run: ${(e as Error).message}`)
      )
    }
  }
  return due.length
}
