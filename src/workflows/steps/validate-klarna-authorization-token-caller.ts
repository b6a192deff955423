import { MedusaError } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"

export type KlarnaAuthorizationTokenCart = {
  id: string
  completed_at?: string | Date | null
  customer_id?: string | null
  customer?: { id: string; has_account?: boolean | null } | null
  payment_collection?: { id: string; payment_sessions?: Array<{ id: string } | null> | null } | null
}

export type ValidateKlarnaAuthorizationTokenCallerStepInput = {
  payment_session_id: string
  /** The cart the storefront names; required unless the caller is Klarna's callback. */
  cart_id?: string
  /** The authenticated store customer, if any. */
  customer_id?: string
  /** Set by Klarna's server callback, which is checked against the session instead. */
  klarna_session_id?: string
  cart?: KlarnaAuthorizationTokenCart | null
}

export const validateKlarnaAuthorizationTokenCallerStepId = "validate-klarna-authorization-token-caller"

/**
 * Who may set a payment session's Klarna token: whoever presents the cart the
 * session belongs to, and for a cart of a registered customer only that
 * customer, signed in. Klarna's own callback is matched by Klarna session id
 * in the next step instead.
 */
export const validateKlarnaAuthorizationTokenCallerStep = createStep(
  validateKlarnaAuthorizationTokenCallerStepId,
  async (input: ValidateKlarnaAuthorizationTokenCallerStepInput) => {
    if (!input.cart_id) {
      if (input.klarna_session_id) {
        return
      }
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "cart_id is required to set a Klarna authorization token.")
    }
    const cart = input.cart
    const sessions = cart?.payment_collection?.payment_sessions ?? []
    // One answer for "no such cart" and "not this cart's session": nothing is learnt about other carts.
    if (!cart || cart.id !== input.cart_id || !sessions.some((s) => s?.id === input.payment_session_id)) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Payment session ${input.payment_session_id} was not found on cart ${input.cart_id}.`
      )
    }
    const owner = cart.customer?.has_account ? cart.customer_id ?? cart.customer.id : undefined
    if (owner && input.customer_id !== owner) {
      throw new MedusaError(
        input.customer_id ? MedusaError.Types.FORBIDDEN : MedusaError.Types.UNAUTHORIZED,
        `Cart ${cart.id} belongs to a customer account: only that customer, signed in, can approve its Klarna payment.`
      )
    }
    if (cart.completed_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cart ${cart.id} is already completed; its Klarna payment can no longer be changed.`
      )
    }
  }
)
