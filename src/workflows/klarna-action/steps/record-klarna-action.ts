import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../../modules/klarna-order-management"
import type { KlarnaEventRow } from "../../../modules/klarna-order-management/service"
import { announceKlarnaAttention } from "../announce-klarna-attention"
import type { KlarnaActionPayload, KlarnaActionResult, RunKlarnaActionInput } from "../types"

export type RecordKlarnaActionInput = { spec: RunKlarnaActionInput; result: KlarnaActionResult; previous: KlarnaEventRow | null }

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
export const recordKlarnaActionStep = createStep("record-klarna-action", async ({ spec, result, previous }: RecordKlarnaActionInput, { container }) => {
  if (!result) {
    return new StepResponse<KlarnaEventRow | null>(null)
  }
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const { order_id, follow_up: _followUp, ...described } = result
  const payload: KlarnaActionPayload = { workflow_id: spec.workflow_id, verb: spec.verb, recheck_on_refusal: spec.recheck_on_refusal, input: spec.input }
  const listed = described.outcome === "pending_retry" || ((described.outcome === "failed" || described.outcome === "needs_attention") && !answeredInRequest(spec))
  const event = await om.recordEvent(
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
    },
    previous
  )
  await announceKlarnaAttention(container, previous, event)
  return new StepResponse<KlarnaEventRow | null>(event)
})
