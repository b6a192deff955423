import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { KlarnaAction } from "./klarna-action/types"
import {
  extendKlarnaAuthorizationBeforeExpiryStep,
  type ExtendKlarnaAuthorizationBeforeExpiryInput,
} from "./steps/extend-klarna-authorization-before-expiry"

export const extendKlarnaAuthorizationBeforeExpiryWorkflowId = "extend-klarna-authorization-before-expiry"

/** Input: `{ order_id, expires_at, order_name }`; run with operation key `extendBeforeExpiryOperationKey(...)`. */
export const extendBeforeExpiryKlarnaAction: KlarnaAction = {
  workflow_id: extendKlarnaAuthorizationBeforeExpiryWorkflowId,
  action: "extend",
  verb: "extend the authorization time of the",
}

/** One automatic extension per order and expiry date, whichever run or worker gets there first. */
export const extendBeforeExpiryOperationKey = (orderId: string, expiryDay: string) => `extend-before-expiry:${orderId}:${expiryDay}`

/** The automatic extension of a Klarna reservation about to expire; answers the event-log entry. */
export const extendKlarnaAuthorizationBeforeExpiryWorkflow = createWorkflow(
  extendKlarnaAuthorizationBeforeExpiryWorkflowId,
  (input: ExtendKlarnaAuthorizationBeforeExpiryInput) => new WorkflowResponse(extendKlarnaAuthorizationBeforeExpiryStep(input))
)
