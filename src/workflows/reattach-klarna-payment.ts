import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reattachKlarnaPaymentStep } from "./steps/reattach-klarna-payment"

export const reattachKlarnaPaymentWorkflowId = "reattach-klarna-payment"

export const reattachKlarnaPaymentWorkflow = createWorkflow(reattachKlarnaPaymentWorkflowId, (input: { order_id: string }) => {
  return new WorkflowResponse(reattachKlarnaPaymentStep(input))
})
