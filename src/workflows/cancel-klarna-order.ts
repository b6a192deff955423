import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelKlarnaReservationStep, type CancelKlarnaReservationStepInput } from "./steps/cancel-klarna-reservation"

export const cancelKlarnaOrderWorkflowId = "cancel-klarna-order"

/** WooCommerce's "On order cancellation", made safe for partial captures. */
export const cancelKlarnaOrderWorkflow = createWorkflow(cancelKlarnaOrderWorkflowId, (input: CancelKlarnaReservationStepInput) => {
  return new WorkflowResponse(cancelKlarnaReservationStep(input))
})
