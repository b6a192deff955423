import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { klarnaProviderContextFor } from "../../../../providers/klarna/provider-client"
import { verifyAuthorizationCallback } from "../../../../klarna/decisions/callback-signature"
import { setKlarnaAuthorizationTokenWorkflow } from "../../../../workflows/set-klarna-authorization-token"
import type { HookKlarnaAuthorizationQueryType, HookKlarnaAuthorizationType } from "../../../store/klarna/validators"
import { isKlarnaPaymentsProviderId } from "../../../../klarna/provider-ids"

/**
 * Klarna's server-side authorization callback (`merchant_urls.authorization`):
 * `{authorization_token, session_id}`, sent when the customer approves, so the
 * token arrives even if the browser never returns. Only a callback to the
 * signed URL the provider gave Klarna is accepted.
 */
export const POST = async (req: MedusaRequest<HookKlarnaAuthorizationType>, res: MedusaResponse) => {
  const { payment_session_id, sig } = req.validatedQuery as HookKlarnaAuthorizationQueryType
  const [session] = await req.scope.resolve(Modules.PAYMENT).listPaymentSessions({ id: payment_session_id }, { select: ["id", "provider_id"] })
  const options = session && isKlarnaPaymentsProviderId(session.provider_id) ? klarnaProviderContextFor(req.scope, session.provider_id).options : undefined
  if (!options || !verifyAuthorizationCallback(payment_session_id, sig, options)) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "This authorization callback is not one the Klarna plugin asked for.")
  }
  await setKlarnaAuthorizationTokenWorkflow(req.scope).run({
    input: {
      payment_session_id,
      authorization_token: req.validatedBody.authorization_token,
      klarna_session_id: req.validatedBody.session_id,
    },
  })
  res.status(200).json({ received: true })
}
