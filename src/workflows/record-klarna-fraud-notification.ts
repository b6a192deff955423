import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { readKlarnaOrderStep } from "./steps/read-klarna-order"
import { resolveKlarnaFraudDecisionStep } from "./steps/resolve-klarna-fraud-decision"
import { recordKlarnaFraudDecisionStep } from "./steps/record-klarna-fraud-decision"

export const recordKlarnaFraudNotificationWorkflowId = "record-klarna-fraud-notification"

export type RecordKlarnaFraudNotificationInput = {
  provider_id: string
  klarna_order_id: string
  event_type?: string | null
  event_id?: string | null
}

/**
 * Klarna's fraud decision on an order that was pending review, in the order's
 * Klarna log: read back from Klarna (never the notification's event_type),
 * logged once per decision however often it is notified, one writer at a time.
 */
export const recordKlarnaFraudNotificationWorkflow = createWorkflow(recordKlarnaFraudNotificationWorkflowId, (input: RecordKlarnaFraudNotificationInput) => {
  const klarna = readKlarnaOrderStep({ provider_id: input.provider_id, klarna_order_id: input.klarna_order_id, missing_ok: true })
  const decision = resolveKlarnaFraudDecisionStep({ klarna })
  const recorded = when("klarna-fraud-decision-to-log", { decision }, ({ decision }) => !!decision).then(() => {
    const key = transform({ decision }, ({ decision }) => decision!.operation_key)
    acquireLockStep(transform({ key }, ({ key }) => ({ key, timeout: 10, ttl: 30 })))
    const entry = recordKlarnaFraudDecisionStep(
      transform({ decision, input }, ({ decision, input }) => ({ decision: decision!, notice: { event_type: input.event_type, event_id: input.event_id } }))
    )
    releaseLockStep(transform({ key }, ({ key }) => ({ key })))
    return entry
  })
  return new WorkflowResponse(transform({ recorded }, ({ recorded }) => recorded ?? null))
})
