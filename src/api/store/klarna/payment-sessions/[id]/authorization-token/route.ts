import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { setKlarnaAuthorizationTokenWorkflow } from "../../../../../../workflows/set-klarna-authorization-token"
import { StoreKlarnaPaymentSessionId, type StoreKlarnaAuthorizationTokenType } from "../../../validators"

/**
 * The storefront hands over the token Klarna's widget returned from
 * `authorize()`, naming the cart the payment session belongs to. The token is
 * kept for the cart's completion and never sent back.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreKlarnaAuthorizationTokenType>, res: MedusaResponse) => {
  const id = StoreKlarnaPaymentSessionId.safeParse(req.params.id)
  if (!id.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid payment session id: ${id.error.issues[0]?.message}`)
  }
  const { result } = await setKlarnaAuthorizationTokenWorkflow(req.scope).run({
    input: {
      payment_session_id: id.data,
      cart_id: req.validatedBody.cart_id,
      customer_id: req.auth_context?.actor_id || undefined,
      authorization_token: req.validatedBody.authorization_token,
    },
  })
  res.json({ payment_session: { id: result.id, status: result.status, provider_id: result.provider_id } })
}
