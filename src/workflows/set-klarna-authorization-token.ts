import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  setKlarnaAuthorizationTokenStep,
  type SetKlarnaAuthorizationTokenStepInput,
} from "./steps/set-klarna-authorization-token"

export type SetKlarnaAuthorizationTokenWorkflowInput = SetKlarnaAuthorizationTokenStepInput

export const setKlarnaAuthorizationTokenWorkflowId = "set-klarna-authorization-token"

/**
 * Records Klarna's authorization token on a payment session, from the
 * storefront (after the Klarna widget approved) or from Klarna's server-side
 * authorization callback. Completing the cart then creates the Klarna order.
 */
export const setKlarnaAuthorizationTokenWorkflow = createWorkflow(
  setKlarnaAuthorizationTokenWorkflowId,
  (input: SetKlarnaAuthorizationTokenWorkflowInput) => {
    const session = setKlarnaAuthorizationTokenStep(input)
    return new WorkflowResponse(session)
  }
)
