import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto"
import type { KlarnaProviderOptions } from "../types/options"

const keys = new WeakMap<object, Buffer>()

function keyFor(options: KlarnaProviderOptions): Buffer {
  let key = keys.get(options)
  if (!key) {
    const secret = options.apiKey ?? `${options.username}:${options.password}`
    key = Buffer.from(hkdfSync("sha256", secret, "medusa-klarna", "authorization-callback/v1", 32))
    keys.set(options, key)
  }
  return key
}

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
