import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setKlarnaAuthorizationTokenWorkflow } from "../../../../../../workflows/set-klarna-authorization-token"
import type { StoreKlarnaAuthorizationTokenType } from "../../../validators"

/** The storefront hands over the token Klarna's widget returned from `authorize()`. */
export const POST = async (req: MedusaRequest<StoreKlarnaAuthorizationTokenType>, res: MedusaResponse) => {
  const { result } = await setKlarnaAuthorizationTokenWorkflow(req.scope).run({
    input: { payment_session_id: req.params.id, authorization_token: req.validatedBody.authorization_token },
  })
  res.json({ payment_session: { id: result.id, status: result.status, provider_id: result.provider_id } })
}
