import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildCartSessionInput } from "../../../workflows/queries/cart-session-input"

export const isKlarnaProviderId = (id: unknown): id is string => typeof id === "string" && id.startsWith("pp_klarna")

/**
 * Runs in front of Medusa's `POST /store/payment-collections/:id/payment-sessions`.
 * For Klarna it replaces whatever `data` the storefront sent with the order
 * lines, amounts and addresses built from the cart on the server, so a
 * storefront can neither forge nor forget them.
 */
export async function attachKlarnaSessionInput(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const body = req.body as { provider_id?: unknown; data?: Record<string, unknown> } | undefined
    if (!body || !isKlarnaProviderId(body.provider_id)) {
      return next()
    }
    const klarnaSession = await buildCartSessionInput(req.scope, req.params.id)
    body.data = { klarna_session: klarnaSession }
    const validated = (req as unknown as { validatedBody?: { data?: unknown } }).validatedBody
    if (validated) {
      validated.data = body.data
    }
    return next()
  } catch (e) {
    return next(e)
  }
}
