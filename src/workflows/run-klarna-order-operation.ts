import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { KlarnaAction } from "./klarna-action/types"
import { runKlarnaOrderOperationStep, type KlarnaOrderOperation } from "./steps/run-klarna-order-operation"

export const runKlarnaOrderOperationWorkflowId = "run-klarna-order-operation"

/** Input: `{ order_id, operation: "release", request_key }`. */
export const releaseKlarnaAction: KlarnaAction = {
  workflow_id: runKlarnaOrderOperationWorkflowId,
  action: "release",
  verb: "release the remaining authorization of the",
}

/** Input: `{ order_id, operation: "extend", request_key }`. */
export const extendKlarnaAction: KlarnaAction = { workflow_id: runKlarnaOrderOperationWorkflowId, action: "extend", verb: "extend the authorization time of the" }

/** Release the remaining authorization, or extend the authorization time; answers the event-log entry. */
export const runKlarnaOrderOperationWorkflow = createWorkflow(
  runKlarnaOrderOperationWorkflowId,
  (input: { order_id: string; operation: KlarnaOrderOperation; request_key: string; refuse_unless_klarna_order?: boolean }) => {
    return new WorkflowResponse(runKlarnaOrderOperationStep(input))
  }
)
