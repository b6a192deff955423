import { hkdfSync } from "node:crypto"
import type { KlarnaProviderOptions } from "../types/options"

const cache = new WeakMap<object, Map<string, Buffer>>()

/**
 * A 256-bit key for one purpose (e.g. "authorization-token/v1"), derived from
 * the provider's Klarna credentials: only this server can compute it, and it
 * changes when the credentials do.
 */
export function credentialKey(options: KlarnaProviderOptions, purpose: string): Buffer {
  let keys = cache.get(options)
  if (!keys) {
    keys = new Map()
    cache.set(options, keys)
  }
  let key = keys.get(purpose)
  if (!key) {
    const secret = options.apiKey ?? `${options.username}:${options.password}`
    key = Buffer.from(hkdfSync("sha256", secret, "medusa-klarna", purpose, 32))
    keys.set(purpose, key)
  }
  return key
}
