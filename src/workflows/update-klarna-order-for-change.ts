import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { prepareKlarnaOrderUpdateStep } from "./steps/prepare-klarna-order-update"
import { updateKlarnaAuthorizationStep } from "./steps/update-klarna-authorization"

export type UpdateKlarnaOrderForChangeInput = { order_id: string; change_key: string; respect_toggle: boolean; refuse_when_captured?: boolean }

export const updateKlarnaOrderForChangeWorkflowId = "update-klarna-order-for-change"

/**
 * WooCommerce's "On order update": before Medusa confirms an order change,
 * Klarna's reservation gets the new lines and amount — or refuses, and the
 * change is not confirmed.
 */
export const updateKlarnaOrderForChangeWorkflow = createWorkflow(
  updateKlarnaOrderForChangeWorkflowId,
  (input: UpdateKlarnaOrderForChangeInput) => {
    const plan = prepareKlarnaOrderUpdateStep({
      order_id: input.order_id,
      respect_toggle: input.respect_toggle,
      refuse_when_captured: input.refuse_when_captured,
    })
    when("klarna-update-due", { plan }, ({ plan }) => !!plan && plan.update === true).then(() => {
      const updateInput = transform({ plan, input }, ({ plan, input }) => ({
        provider_id: (plan as any).provider_id,
        klarna_order_id: (plan as any).klarna_order_id,
        change_key: input.change_key,
        previous: (plan as any).previous,
        next: (plan as any).next,
      }))
      updateKlarnaAuthorizationStep(updateInput)
    })
    return new WorkflowResponse(plan)
  }
)
