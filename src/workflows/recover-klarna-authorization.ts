import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { KlarnaAction, KlarnaActionResult } from "./klarna-action/types"
import { findOrderOfCartStep } from "./steps/find-order-of-cart"
import { completeRecoveredCartStep } from "./steps/complete-recovered-cart"
import { cancelUnplacedKlarnaAuthorizationStep } from "./steps/cancel-unplaced-klarna-authorization"

export const recoverKlarnaAuthorizationWorkflowId = "recover-klarna-authorization"

export const recoverKlarnaAuthorizationAction: KlarnaAction = { workflow_id: recoverKlarnaAuthorizationWorkflowId, action: "authorize", verb: "authorize" }

export interface RecoverAuthorizationInput {
  cart_id: string
  payment_session_id: string
  operation_key: string
}

const placed = (order_id: string, message: string): KlarnaActionResult => ({
  order_id,
  outcome: "succeeded",
  next_attempt_at: null,
  attention: false,
  message,
})

/**
 * A checkout whose Klarna create-order may have happened without Medusa
 * hearing back (lost response, crash): once the storefront has had its chance,
 * the cart is completed here — or, when the cart can no longer become an
 * order, the Klarna order it made is cancelled so the customer is not charged.
 * The event-log entry moves from the cart to the order once there is one.
 */
export const recoverKlarnaAuthorizationWorkflow = createWorkflow(recoverKlarnaAuthorizationWorkflowId, (input: RecoverAuthorizationInput) => {
  const existing = findOrderOfCartStep({ cart_id: input.cart_id })
  const completed = when("klarna-checkout-not-placed", { existing }, ({ existing }) => !existing).then(() => completeRecoveredCartStep({ cart_id: input.cart_id }))
  const unplaced = when("klarna-checkout-cannot-be-placed", { completed }, ({ completed }) => !!completed?.reason).then(() =>
    cancelUnplacedKlarnaAuthorizationStep(
      transform({ input, completed }, ({ input, completed }) => ({ cart_id: input.cart_id, payment_session_id: input.payment_session_id, reason: completed!.reason! }))
    )
  )
  return new WorkflowResponse(
    transform({ existing, completed, unplaced }, ({ existing, completed, unplaced }): KlarnaActionResult => {
      if (existing) {
        return placed(existing, "Klarna authorized the payment and the order was placed.")
      }
      if (completed?.order_id) {
        return placed(completed.order_id, "The checkout did not hear back from Klarna; the plugin sent the same Klarna order request again and placed this order.")
      }
      const reason = completed?.reason
      if (!unplaced?.session_found) {
        return { outcome: "skipped", message: "The checkout's Klarna payment session was replaced before it became an order." }
      }
      const cancelled = unplaced.cancelled_klarna_order_id
      return {
        outcome: cancelled ? "succeeded" : "skipped",
        klarna_order_id: cancelled,
        message: cancelled
          ? `The checkout could not become an order (${reason}); the Klarna order it had created was cancelled, so the customer is not charged.`
          : `The checkout could not become an order (${reason}); Klarna had not created an order.`,
      }
    })
  )
})
