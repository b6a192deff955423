import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { dismissKlarnaAttentionStep, type DismissKlarnaAttentionInput } from "./steps/dismiss-klarna-attention"

export const dismissKlarnaAttentionWorkflowId = "dismiss-klarna-attention"

/** The merchant has dealt with a Klarna action that needed attention (e.g. in Klarna's portal). */
export const dismissKlarnaAttentionWorkflow = createWorkflow(
  dismissKlarnaAttentionWorkflowId,
  (input: DismissKlarnaAttentionInput) => new WorkflowResponse(dismissKlarnaAttentionStep(input))
)
