import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { restoreKlarnaAuthorizationStep, type RestoreKlarnaAuthorizationInput } from "./steps/restore-klarna-authorization"

export const restoreKlarnaAuthorizationWorkflowId = "restore-klarna-authorization"

/** Undoes the Klarna update of an order change that Medusa then refused to confirm. */
export const restoreKlarnaAuthorizationWorkflow = createWorkflow(
  restoreKlarnaAuthorizationWorkflowId,
  (input: RestoreKlarnaAuthorizationInput) => new WorkflowResponse(restoreKlarnaAuthorizationStep(input))
)
