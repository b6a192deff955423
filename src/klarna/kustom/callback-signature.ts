import { createHmac, timingSafeEqual } from "node:crypto"
import type { KlarnaProviderOptions } from "../types/options"
import { credentialKey } from "../decisions/credential-key"

const keyFor = (options: KlarnaProviderOptions) => credentialKey(options, "kustom-checkout-callback/v1")

/**
 * Kustom's push and validation callbacks are unsigned and anyone can send
 * them. The URLs the provider gives Kustom carry this signature of the cart id,
 * which only the server can compute: a forged callback cannot name another cart.
 */
export function signKustomCallback(cartId: string, options: KlarnaProviderOptions): string {
  return createHmac("sha256", keyFor(options)).update(`kustom-checkout:${cartId}`).digest("base64url")
}

export function verifyKustomCallback(cartId: string, signature: string, options: KlarnaProviderOptions): boolean {
  const expected = Buffer.from(signKustomCallback(cartId, options))
  const given = Buffer.from(String(signature ?? ""))
  return given.length === expected.length && timingSafeEqual(given, expected)
}
