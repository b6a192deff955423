import { createHmac, timingSafeEqual } from "node:crypto"
import type { KlarnaProviderOptions } from "../types/options"
import { credentialKey } from "./credential-key"

const keyFor = (options: KlarnaProviderOptions) => credentialKey(options, "authorization-callback/v1")

/**
 * Klarna's authorization callback is unauthenticated and names a payment
 * session id any holder of the cart can read. The callback URL the provider
 * gives Klarna therefore carries this signature of the session id, which only
 * the server can compute: a forged callback cannot set another shopper's token.
 */
export function signAuthorizationCallback(paymentSessionId: string, options: KlarnaProviderOptions): string {
  return createHmac("sha256", keyFor(options)).update(`authorization-callback:${paymentSessionId}`).digest("base64url")
}

export function verifyAuthorizationCallback(paymentSessionId: string, signature: string, options: KlarnaProviderOptions): boolean {
  const expected = Buffer.from(signAuthorizationCallback(paymentSessionId, options))
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
