import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import type { KlarnaEventAction, KlarnaEventInput } from "../../modules/klarna-order-management/types/events"
import { klarnaMessages } from "./messages"
import { errorDetails, isRetryable, nextAttemptAt } from "./retry-schedule"
import { announceKlarnaAttention } from "./announce-attention"

export type AutomationResult = Omit<KlarnaEventInput, "order_id" | "action" | "actor" | "operation_key" | "attempts" | "payload" | "attention"> | null

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
 * An admin's own action (run-manual-action) answers its first failure in the
 * response; every other failure would go unseen, so it is listed.
 */
const answeredInRequest = (spec: AutomationSpec, attempt: number) => attempt === 1 && spec.operation_key.startsWith("manual-")

/**
 * Runs one automatic Klarna action for an order: one at a time per order (a
 * duplicated event or a second worker waits, then finds the work done), and
 * always leaves one event-log entry per `operation_key`. Klarna outages are
 * retried later by the retry job, with the same idempotency keys; what ends
 * without being done is listed under attention and announced to the admin.
 */
export async function runKlarnaAutomation(
  container: MedusaContainer,
  spec: AutomationSpec,
  run: () => Promise<AutomationResult>
) {
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const locking = container.resolve(Modules.LOCKING)
  const attempt = spec.attempt ?? 1
  const listed = !answeredInRequest(spec, attempt)
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
      const previous = await om.findEventByOperationKey(spec.operation_key)
      // Done already, or dismissed by the merchant: not run again.
      if (previous && (previous.outcome === "succeeded" || previous.resolved_at)) {
        return previous
      }
      const input = await attemptAction(spec, attempt, om.retryPolicy.maxAttempts, run, om.retryPolicy)
      if (!input) {
        return null
      }
      const event = await om.recordEvent({
        ...base,
        ...input,
        attention: input.outcome === "pending_retry" || ((input.outcome === "failed" || input.outcome === "needs_attention") && listed),
      }, previous ?? null)
      await announceKlarnaAttention(container, previous, event)
      return event
    },
    { timeout: 60 }
  )
}

async function attemptAction(
  spec: AutomationSpec,
  attempt: number,
  maxAttempts: number,
  run: () => Promise<AutomationResult>,
  policy: KlarnaOrderManagementService["retryPolicy"]
): Promise<AutomationResult> {
  try {
    const result = await run()
    return result && { next_attempt_at: null, ...result }
  } catch (error) {
    const details = errorDetails(error)
    const failure = { correlation_id: details.correlation_id, error_code: details.error_code }
    if (isRetryable(error)) {
      const giveUp = attempt >= maxAttempts
      const at = nextAttemptAt(attempt, policy)
      return {
        ...failure,
        outcome: giveUp ? "needs_attention" : "pending_retry",
        next_attempt_at: giveUp ? null : at,
        message: giveUp ? klarnaMessages.gaveUp(spec.verb, details.message, attempt) : klarnaMessages.retrying(spec.verb, details.message, at),
      }
    }
    return { ...failure, outcome: "failed", next_attempt_at: null, message: klarnaMessages.failed(spec.verb, details.message) }
  }
}
