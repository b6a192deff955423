import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { acquireRenewedLockStep, releaseRenewedLockStep } from "../steps/renewed-lock"
import { claimKlarnaActionStep } from "./steps/claim-klarna-action"
import { attemptKlarnaActionStep } from "./steps/attempt-klarna-action"
import { answeredInRequest, recordKlarnaActionStep } from "./steps/record-klarna-action"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { KlarnaAction, RunKlarnaActionInput } from "./types"

export const runKlarnaActionWorkflowId = "run-klarna-action"

/** Seconds a second worker waits for the order, and how long the lock outlives a process that died holding it. */
const LOCK = { timeout: 60, lease: 20 }

/**
 * Runs one Klarna action for an order — automatic (an event, the retry job) or
 * an admin's — and leaves one event-log entry per `operation_key`. One action
 * at a time per order in every process: a duplicated event or a second worker
 * waits, then finds the work done. The entry is written before acting, so an
 * action whose process died is run again by the retry job. A Klarna outage is
 * retried later by the retry job with the same idempotency keys; what ends
 * without being done is listed under attention and announced to the admin.
 */
export const runKlarnaActionWorkflow = createWorkflow(runKlarnaActionWorkflowId, (spec: RunKlarnaActionInput) => {
  const key = transform({ spec }, ({ spec }) => `klarna-order:${spec.order_id}`)
  const lock = acquireRenewedLockStep(transform({ key }, ({ key }) => ({ key, ...LOCK })))
  // Claimed as running before anything is done; done already, or dismissed by the merchant: not run again.
  const claim = claimKlarnaActionStep(spec)
  const previous = transform({ claim }, ({ claim }) => claim.previous)
  const settled = transform({ claim }, ({ claim }) => !claim.claimed)
  const recorded = when("klarna-action-due", { settled }, ({ settled }) => !settled).then(() => {
    const attemptInput = transform({ spec }, ({ spec }) => ({
      workflow_id: spec.workflow_id,
      verb: spec.verb,
      recheck_on_refusal: spec.recheck_on_refusal,
      input: spec.input,
      attempt: spec.attempt ?? 1,
      order_id: spec.order_id,
      answered_in_request: answeredInRequest(spec),
    }))
    const claimed = transform({ claim }, ({ claim }) => claim.claimed!)
    const result = attemptKlarnaActionStep(attemptInput)
    const entry = recordKlarnaActionStep({ spec, result, previous, claimed })
    return transform({ result, entry }, ({ result, entry }) => ({
      entry,
      follow_up: entry && result?.follow_up ? { eventName: result.follow_up.event, data: { ...result.follow_up.data, event_id: entry.id } } : null,
    }))
  })
  // What the action left for after its answer (e.g. a capture's own Klarna reference), once its entry exists.
  when("klarna-action-follow-up", { recorded }, ({ recorded }) => !!recorded?.follow_up).then(() => {
    emitEventStep(transform({ recorded }, ({ recorded }) => recorded!.follow_up!))
  })
  releaseRenewedLockStep(lock)
  return new WorkflowResponse(transform({ settled, previous, recorded }, ({ settled, previous, recorded }) => (settled ? previous : recorded?.entry ?? null)))
})

/** Runs one of the plugin's Klarna actions through the recording workflow; answers its event-log entry. */
export async function runKlarnaAction(container: MedusaContainer, action: KlarnaAction, run: Omit<RunKlarnaActionInput, keyof KlarnaAction>) {
  const { result } = await runKlarnaActionWorkflow(container).run({ input: { ...action, ...run } })
  return result
}
