import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { setKlarnaOrderAutomationStep, type SetKlarnaOrderAutomationStepInput } from "./steps/set-klarna-order-automation"
import { recordKlarnaAutomationSwitchStep } from "./steps/record-klarna-automation-switch"

export const setKlarnaOrderAutomationWorkflowId = "set-klarna-order-automation"

/**
 * WooCommerce's per-order "disconnect": the merchant leaves one order alone
 * (no automation acts on its Klarna payment; manual actions still do), or
 * hands it back. An unknown order is refused (404). Answers the switch and
 * its event-log entry.
 */
export const setKlarnaOrderAutomationWorkflow = createWorkflow(setKlarnaOrderAutomationWorkflowId, (input: SetKlarnaOrderAutomationStepInput) => {
  useQueryGraphStep({ entity: "order", fields: ["id"], filters: { id: input.order_id }, options: { throwIfKeyNotFound: true } })
  const automation = setKlarnaOrderAutomationStep(input)
  const event = recordKlarnaAutomationSwitchStep(
    transform({ input, automation }, ({ input, automation }) => ({
      order_id: input.order_id,
      enabled: automation.enabled,
      reason: automation.reason,
      changed_by: automation.changed_by,
    }))
  )
  return new WorkflowResponse({ automation, event })
})
