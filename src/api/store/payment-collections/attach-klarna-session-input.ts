import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { buildCartSessionInput } from "../../../workflows/queries/cart-session-input"
import { brandOfProviderId } from "../../../klarna/provider-ids"

/** A Kustom checkout order id as Kustom writes them (a UUID); anything else from a storefront is refused. */
const CHECKOUT_ORDER_ID = /^[A-Za-z0-9-]{1,64}$/

/**
 * Runs in front of Medusa's `POST /store/payment-collections/:id/payment-sessions`.
 * For Klarna (and Kustom Checkout) it replaces whatever `data` the storefront
 * sent with the order lines, amounts and addresses built from the cart on the
 * server, so a storefront can neither forge nor forget them. A Kustom session
 * keeps one thing from the storefront: the checkout order it already shows
 * (`data.checkout_order_id`), which the provider keeps only when Kustom says it
 * is this cart's and still unpaid.
 */
export async function attachKlarnaSessionInput(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const body = req.body as { provider_id?: unknown; data?: Record<string, unknown> } | undefined
    const brand = body ? brandOfProviderId(body.provider_id) : null
    if (!body || !brand) {
      return next()
    }
    const cartInput = await buildCartSessionInput(req.scope, req.params.id)
    body.data = brand === "kustom" ? { kustom_checkout: kustomInput(cartInput, body.data) } : { klarna_session: cartInput }
    const validated = (req as unknown as { validatedBody?: { data?: unknown } }).validatedBody
    if (validated) {
      validated.data = body.data
    }
    return next()
  } catch (e) {
    return next(e)
  }
}

function kustomInput(cartInput: Awaited<ReturnType<typeof buildCartSessionInput>>, sent: Record<string, unknown> | undefined) {
  const asked = sent?.checkout_order_id
  if (asked !== undefined && (typeof asked !== "string" || !CHECKOUT_ORDER_ID.test(asked))) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "data.checkout_order_id must be the id of the Kustom checkout order the storefront shows.")
  }
  return { ...cartInput, cart_id: cartInput.merchant_reference2!, ...(asked ? { checkout_order_id: asked } : {}) }
}
