import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IPaymentModuleService, PaymentSessionDTO } from "@medusajs/framework/types"
import { isKlarnaPaymentsProviderId } from "../../klarna/provider-ids"

export type SetKlarnaAuthorizationTokenStepInput = {
  payment_session_id: string
  authorization_token: string
  /** When given (Klarna's server callback), must match the session's Klarna session id. */
  klarna_session_id?: string
}

const OPEN_STATUSES = ["pending", "requires_more"]

export const setKlarnaAuthorizationTokenStepId = "set-klarna-authorization-token"

/**
 * Stores the token Klarna's widget returned on the Medusa payment session.
 * The provider's `updatePayment` seals it, so the session's `data` (which store
 * routes return) never holds the token itself.
 */
export const setKlarnaAuthorizationTokenStep = createStep(
  setKlarnaAuthorizationTokenStepId,
  async (input: SetKlarnaAuthorizationTokenStepInput, { container }) => {
    const payment = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    const session = await payment.retrievePaymentSession(input.payment_session_id).catch(() => undefined)
    if (!session || !isKlarnaPaymentsProviderId(session.provider_id)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Klarna payment session ${input.payment_session_id} was not found.`)
    }
    const data = (session.data ?? {}) as Record<string, unknown>
    if (input.klarna_session_id && data.klarna_session_id !== input.klarna_session_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Klarna payment session ${input.payment_session_id} was not found.`)
    }
    if (!OPEN_STATUSES.includes(session.status) || data.klarna_order_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Klarna payment session ${session.id} is already ${session.status}; start a new payment session to pay again.`
      )
    }
    const updated = await payment.updatePaymentSession({
      id: session.id,
      amount: session.amount,
      currency_code: session.currency_code,
      data: { ...data, authorization_token: input.authorization_token },
    })
    return new StepResponse<PaymentSessionDTO, PaymentSessionDTO>(updated, session)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const payment = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    await payment.updatePaymentSession({
      id: previous.id,
      amount: previous.amount,
      currency_code: previous.currency_code,
      data: previous.data ?? {},
    })
  }
)
