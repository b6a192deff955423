import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { runKlarnaOrderOperationStep, type KlarnaOrderOperation } from "./steps/run-klarna-order-operation"

export const runKlarnaOrderOperationWorkflowId = "run-klarna-order-operation"

export const runKlarnaOrderOperationWorkflow = createWorkflow(
  runKlarnaOrderOperationWorkflowId,
  (input: { order_id: string; operation: KlarnaOrderOperation; request_key: string }) => {
    return new WorkflowResponse(runKlarnaOrderOperationStep(input))
  }
)
