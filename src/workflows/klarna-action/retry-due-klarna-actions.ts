import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { rerunnable } from "./rerunnable"
import { runKlarnaAction } from "./run-klarna-action"

export type RetryDueOptions = {
  /** Entries read at a time. */
  batch?: number
  /** After this long, what is still due waits for the next run (the job runs every minute). */
  budgetMs?: number
}

/**
 * Runs again every Klarna action whose retry is due (not dismissed ones), oldest
 * due first — among them actions whose process died before they ended (their
 * claim's lease ran out) — batch after batch, so a backlog after a Klarna outage
 * drains in one run rather than 50 a minute. One that cannot run now (its order
 * still busy) stays due for the next run. Returns how many were due and tried.
 */
export async function retryDueKlarnaActions(container: MedusaContainer, now = new Date(), options: RetryDueOptions = {}): Promise<number> {
  const { batch = 50, budgetMs = 40_000 } = options
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const started = Date.now()
  const tried: string[] = []
  for (;;) {
    const due = await om.listKlarnaEvents(
      { outcome: ["pending_retry", "running"], next_attempt_at: { $lte: now }, resolved_at: null, ...(tried.length ? { id: { $nin: tried } } : {}) } as any,
      { order: { next_attempt_at: "ASC", id: "ASC" }, take: batch }
    )
    for (const event of due) {
      tried.push(event.id)
      const action = rerunnable(event)
      if (action) {
        await runKlarnaAction(container, action, { ...action, actor: event.actor, attempt: (event.attempts ?? 1) + 1 }).catch((e) =>
          container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Klarna ${action.verb} of order ${action.order_id} is retried on the next run: ${(e as Error).message}`)
        )
      }
    }
    if (due.length < batch || Date.now() - started > budgetMs) {
      return tried.length
    }
  }
}
