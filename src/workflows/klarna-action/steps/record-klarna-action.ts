import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../../modules/klarna-order-management"
import type { KlarnaEventRow } from "../../../modules/klarna-order-management/service"
import { announceKlarnaAttention } from "../announce-klarna-attention"
import type { KlarnaActionPayload, KlarnaActionResult, RunKlarnaActionInput } from "../types"

export type RecordKlarnaActionInput = {
  spec: RunKlarnaActionInput
  result: KlarnaActionResult
  /** The entry before this run, as found. */
  previous: KlarnaEventRow | null
  /** The entry this run claimed before acting (see claim-klarna-action). */
  claimed: KlarnaEventRow
}

/**
 * An admin's own action answers its first failure in the response; every
 * other failure would go unseen, so it is listed.
 */
export const answeredInRequest = (spec: Pick<RunKlarnaActionInput, "attempt" | "operation_key">) => (spec.attempt ?? 1) === 1 && spec.operation_key.startsWith("manual-")

/**
 * Writes the action's one event-log entry (a retry updates it) with what the
 * retry job needs to run it again, and tells the merchant when it has just
 * come to need them.
 */
export const recordKlarnaActionStep = createStep("record-klarna-action", async ({ spec, result, previous, claimed }: RecordKlarnaActionInput, { container }) => {
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  if (!result) {
    // Nothing to record (not a Klarna order): the claim goes, the entry stays as it was.
    await om.releaseClaimedEvent(claimed.id, previous)
    return new StepResponse<KlarnaEventRow | null>(null)
  }
  const { order_id, follow_up: _followUp, ...described } = result
  const payload: KlarnaActionPayload = { workflow_id: spec.workflow_id, verb: spec.verb, recheck_on_refusal: spec.recheck_on_refusal, input: spec.input }
  const listed = described.outcome === "pending_retry" || ((described.outcome === "failed" || described.outcome === "needs_attention") && !answeredInRequest(spec))
  const event = await om.finishClaimedEvent(
    claimed,
    {
      order_id: order_id ?? spec.order_id,
      action: spec.action,
      actor: spec.actor ?? "automation",
      operation_key: spec.operation_key,
      attempts: spec.attempt ?? 1,
      payload,
      ...described,
      // A step's output reaches the next step as JSON: the date comes back as text.
      next_attempt_at: described.next_attempt_at == null ? described.next_attempt_at : new Date(described.next_attempt_at),
      attention: described.attention ?? listed,
    }
  )
  await announceKlarnaAttention(container, previous, event)
  return new StepResponse<KlarnaEventRow | null>(event)
})
