import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { verifyKustomCallback } from "../../../klarna/kustom/callback-signature"
import { DEFAULT_KUSTOM_PROVIDER_ID, klarnaProviderContextFor } from "../../../providers/klarna/provider-client"

/** Refuses a Kustom callback whose URL this server did not sign for the cart (it names another cart, or is forged). */
export function verifyKustomCallbackOrThrow(container: MedusaContainer, cartId: string, sig: string) {
  let options
  try {
    options = klarnaProviderContextFor(container, DEFAULT_KUSTOM_PROVIDER_ID).options
  } catch {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Kustom Checkout is not set up on this server.")
  }
  if (!verifyKustomCallback(cartId, sig, options)) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "This Kustom callback is not one the plugin asked for.")
  }
  return options
}
