import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import type { KlarnaEventAction, KlarnaEventInput } from "../../modules/klarna-order-management/types/events"
import { klarnaMessages } from "./messages"
import { errorDetails, isRetryable, nextAttemptAt } from "./retry-schedule"

export type AutomationResult = Omit<KlarnaEventInput, "order_id" | "action" | "actor" | "operation_key" | "attempts" | "payload"> | null

export interface AutomationSpec {
  /** Name in the automation registry, so the retry job can run it again. */
  automation: string
  action: KlarnaEventAction
  /** Verb for messages: "capture", "cancel", … */
  verb: string
  order_id: string
  input: Record<string, unknown>
  actor?: string
  /** Same key for the same logical action: a retry updates its event-log entry. */
  operation_key: string
  attempt?: number
}

/**
 * Runs one automatic Klarna action for an order: one at a time per order (a
 * duplicated event or a second worker waits, then finds the work done), and
 * always leaves an event-log entry. Klarna outages are retried later by the
 * retry job, with the same idempotency keys, until they succeed or need
 * attention; nothing is lost.
 */
export async function runKlarnaAutomation(
  container: MedusaContainer,
  spec: AutomationSpec,
  run: () => Promise<AutomationResult>
) {
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const locking = container.resolve(Modules.LOCKING)
  const attempt = spec.attempt ?? 1
  const base = {
    order_id: spec.order_id,
    action: spec.action,
    actor: spec.actor ?? "automation",
    operation_key: spec.operation_key,
    attempts: attempt,
    payload: { automation: spec.automation, input: spec.input },
  }
  return await locking.execute(
    `klarna-order:${spec.order_id}`,
    async () => {
      try {
        const result = await run()
        if (!result) {
          return null
        }
        return await om.recordEvent({ ...base, next_attempt_at: null, ...result })
      } catch (error) {
        const details = errorDetails(error)
        if (isRetryable(error)) {
          const giveUp = attempt >= om.retryPolicy.maxAttempts
          const at = nextAttemptAt(attempt, om.retryPolicy)
          return await om.recordEvent({
            ...base,
            outcome: giveUp ? "needs_attention" : "pending_retry",
            next_attempt_at: giveUp ? null : at,
            message: giveUp
              ? klarnaMessages.gaveUp(spec.verb, details.message, attempt)
              : klarnaMessages.retrying(spec.verb, details.message, at),
            correlation_id: details.correlation_id,
            error_code: details.error_code,
          })
        }
        return await om.recordEvent({
          ...base,
          outcome: "failed",
          next_attempt_at: null,
          message: klarnaMessages.failed(spec.verb, details.message),
          correlation_id: details.correlation_id,
          error_code: details.error_code,
        })
      }
    },
    { timeout: 60 }
  )
}
