import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import {
  setKlarnaAuthorizationTokenStep,
  type SetKlarnaAuthorizationTokenStepInput,
} from "./steps/set-klarna-authorization-token"
import {
  validateKlarnaAuthorizationTokenCallerStep,
  type KlarnaAuthorizationTokenCart,
} from "./steps/validate-klarna-authorization-token-caller"

export type SetKlarnaAuthorizationTokenWorkflowInput = SetKlarnaAuthorizationTokenStepInput & {
  /** The storefront's cart; the session must belong to its payment collection. */
  cart_id?: string
  /** The signed-in store customer, required when the cart belongs to a customer account. */
  customer_id?: string
}

export const setKlarnaAuthorizationTokenWorkflowId = "set-klarna-authorization-token"

/**
 * Records Klarna's authorization token on a payment session, from the
 * storefront (after the Klarna widget approved; it names the cart, and a
 * registered customer's cart needs that customer signed in) or from Klarna's
 * server-side authorization callback (matched by Klarna session id).
 * Completing the cart then creates the Klarna order.
 */
export const setKlarnaAuthorizationTokenWorkflow = createWorkflow(
  setKlarnaAuthorizationTokenWorkflowId,
  (input: SetKlarnaAuthorizationTokenWorkflowInput) => {
    const cart = when("klarna-token-from-storefront", { input }, ({ input }) => !!input.cart_id).then(() => {
      const { data: carts } = useQueryGraphStep({
        entity: "cart",
        fields: [
          "id",
          "completed_at",
          "customer_id",
          "customer.id",
          "customer.has_account",
          "payment_collection.id",
          "payment_collection.payment_sessions.id",
        ],
        filters: { id: input.cart_id },
      }).config({ name: "get-klarna-token-cart" })
      return transform({ carts }, ({ carts }) => (carts[0] ?? null) as KlarnaAuthorizationTokenCart | null)
    })

    const validation = transform({ input, cart }, ({ input, cart }) => ({
      payment_session_id: input.payment_session_id,
      cart_id: input.cart_id,
      customer_id: input.customer_id,
      klarna_session_id: input.klarna_session_id,
      cart: cart ?? null,
    }))
    validateKlarnaAuthorizationTokenCallerStep(validation)

    const write = transform({ input }, ({ input }) => ({
      payment_session_id: input.payment_session_id,
      authorization_token: input.authorization_token,
      klarna_session_id: input.klarna_session_id,
    }))
    const session = setKlarnaAuthorizationTokenStep(write)
    return new WorkflowResponse(session)
  }
)
