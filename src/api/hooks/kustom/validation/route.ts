import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { validateKustomCheckoutWorkflow } from "../../../../workflows/validate-kustom-checkout"
import { verifyKustomCallbackOrThrow } from "../verify-kustom-callback"
import { HookKustomValidationBody, type HookKustomValidationQueryType } from "../validators"

/**
 * Kustom's validation callback (`merchant_urls.validation`), sent before the
 * purchase is completed. 200 lets it through; otherwise the shopper is sent
 * back to the storefront's checkout page (303), which reloads the cart and a
 * checkout that matches it. When the plugin cannot tell, it refuses: no money
 * is taken for a cart Medusa could not check.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { cart_id, sig } = req.validatedQuery as HookKustomValidationQueryType
  const options = verifyKustomCallbackOrThrow(req.scope, cart_id, sig)
  const body = HookKustomValidationBody.safeParse(req.body)
  if (!body.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "The validation callback carries no checkout order id.")
  }
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  let verdict
  try {
    verdict = (await validateKustomCheckoutWorkflow(req.scope).run({ input: { cart_id, checkout_order_id: body.data.order_id } })).result
  } catch (e) {
    verdict = { accepted: false as const, code: "cart_changed" as const, reason: `the plugin could not check the cart: ${(e as Error).message}` }
  }
  if (verdict.accepted) {
    res.status(200).json({})
    return
  }
  logger.warn(`Kustom Checkout: refused the purchase of cart ${cart_id} (${verdict.reason}).`)
  const back = new URL(options.merchantUrls!.checkout!)
  back.searchParams.set("kustom_refused", verdict.code)
  res.redirect(303, back.toString())
}
