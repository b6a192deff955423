import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setKlarnaAuthorizationTokenWorkflow } from "../../../../workflows/set-klarna-authorization-token"
import type { HookKlarnaAuthorizationType } from "../../../store/klarna/validators"

/**
 * Klarna's server-side authorization callback (`merchant_urls.authorization`):
 * `{authorization_token, session_id}`, sent when the customer approves, so the
 * token arrives even if the browser never returns.
 */
export const POST = async (req: MedusaRequest<HookKlarnaAuthorizationType>, res: MedusaResponse) => {
  await setKlarnaAuthorizationTokenWorkflow(req.scope).run({
    input: {
      payment_session_id: String(req.query.payment_session_id),
      authorization_token: req.validatedBody.authorization_token,
      klarna_session_id: req.validatedBody.session_id,
    },
  })
  res.status(200).json({ received: true })
}
