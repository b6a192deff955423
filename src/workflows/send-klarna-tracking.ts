import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { KlarnaAction } from "./klarna-action/types"
import { sendKlarnaTrackingStep, type SendKlarnaTrackingStepInput } from "./steps/send-klarna-tracking"

export const sendKlarnaTrackingWorkflowId = "send-klarna-tracking"

export const sendKlarnaTrackingAction: KlarnaAction = { workflow_id: sendKlarnaTrackingWorkflowId, action: "shipping_info", verb: "add tracking to" }

/**
 * Tells Klarna the tracking of goods shipped after they were captured (the
 * "tracking after capture" toggle). Answers the event-log entry, or null when
 * there was nothing to send.
 */
export const sendKlarnaTrackingWorkflow = createWorkflow(sendKlarnaTrackingWorkflowId, (input: SendKlarnaTrackingStepInput) => {
  return new WorkflowResponse(sendKlarnaTrackingStep(input))
})
