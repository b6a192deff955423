import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../../modules/klarna-order-management"
import type { KlarnaEventRow } from "../../../modules/klarna-order-management/service"
import { klarnaMessages } from "../../../klarna/messages"
import type { KlarnaActionPayload, RunKlarnaActionInput } from "../types"

export type ClaimedKlarnaAction = {
  /** The entry, running, when the action is to run; null when it is settled (done, or dismissed by the merchant). */
  claimed: KlarnaEventRow | null
  /** The entry of its key before this run, if any. */
  previous: KlarnaEventRow | null
}
type ClaimUndo = { claimed_id: string | null; previous: KlarnaEventRow | null }

/**
 * Writes the action's entry before anything is done, as running until the
 * lease runs out (or finds it settled: then the action does not run again).
 * If this process dies mid-action (a worker killed in the middle of a burst),
 * the retry job finds the entry and runs the action again with the same
 * idempotency keys; when the action ends, its outcome replaces the claim.
 * Compensated (the entry as it was) when the action is refused in the admin's
 * request.
 */
export const claimKlarnaActionStep = createStep(
  "claim-klarna-action",
  async (spec: RunKlarnaActionInput, { container }) => {
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    const payload: KlarnaActionPayload = { workflow_id: spec.workflow_id, verb: spec.verb, recheck_on_refusal: spec.recheck_on_refusal, input: spec.input }
    const result = await om.claimEvent({
      order_id: spec.order_id,
      action: spec.action,
      actor: spec.actor ?? "automation",
      operation_key: spec.operation_key,
      attempts: spec.attempt ?? 1,
      payload,
      outcome: "running",
      message: klarnaMessages.inProgress(spec.verb),
      next_attempt_at: new Date(Date.now() + om.recoveryPolicy.leaseMs),
      attention: false,
    })
    return new StepResponse<ClaimedKlarnaAction, ClaimUndo>(result, { claimed_id: result.claimed?.id ?? null, previous: result.previous })
  },
  async (undo: ClaimUndo | undefined, { container }) => {
    if (!undo?.claimed_id) return
    await container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE).releaseClaimedEvent(undo.claimed_id, undo.previous)
  }
)
