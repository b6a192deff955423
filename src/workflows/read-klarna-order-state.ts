import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { readKlarnaOrderStateStep } from "./steps/read-klarna-order-state"

export const readKlarnaOrderStateWorkflowId = "read-klarna-order-state"

/** Klarna's live order for the order's Klarna widget. */
export const readKlarnaOrderStateWorkflow = createWorkflow(readKlarnaOrderStateWorkflowId, (input: { provider_id?: string; klarna_order_id: string }) => {
  return new WorkflowResponse(readKlarnaOrderStateStep(input))
})
