import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"
import type { KlarnaProviderOptions } from "../types/options"
import type { KlarnaPaymentData } from "../types/payment-data"
import { credentialKey } from "./credential-key"

/**
 * Klarna's authorization token is a bearer credential: whoever holds it can
 * create the Klarna order. A payment session's `data` is returned by Medusa's
 * store routes (`GET /store/carts/:id` includes every payment session with its
 * `data`, which storefronts need for `client_token`), and the provider only
 * ever gets `data` back at authorization. So the token is kept in `data`
 * sealed: AES-256-GCM under a key derived from the Klarna credentials, bound to
 * the payment session id, readable only by this provider.
 */
export const SEALED_TOKEN_KEY = "sealed_authorization_token"

const VERSION = "v1"
const keyFor = (options: KlarnaProviderOptions) => credentialKey(options, "authorization-token/v1")

const sessionOf = (data: KlarnaPaymentData) => Buffer.from(String(data.session_id ?? ""), "utf8")

/** Replaces a plain `authorization_token` in `data` by its sealed form. */
export function sealAuthorizationToken(data: KlarnaPaymentData, options: KlarnaProviderOptions): KlarnaPaymentData {
  if (data.authorization_token === undefined) {
    return data
  }
  const { authorization_token: token, ...rest } = data
  if (!token) {
    return rest
  }
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", keyFor(options), iv)
  cipher.setAAD(sessionOf(data))
  const sealed = Buffer.concat([cipher.update(token, "utf8"), cipher.final()])
  return {
    ...rest,
    [SEALED_TOKEN_KEY]: [VERSION, ...[iv, sealed, cipher.getAuthTag()].map((b) => b.toString("base64url"))].join("."),
  }
}

export function hasAuthorizationToken(data: KlarnaPaymentData): boolean {
  return !!data[SEALED_TOKEN_KEY] || !!data.authorization_token
}

/** The token to send to Klarna, or undefined when the customer has not approved yet. */
export function readAuthorizationToken(data: KlarnaPaymentData, options: KlarnaProviderOptions): string | undefined {
  const sealed = data[SEALED_TOKEN_KEY]
  if (typeof sealed !== "string" || !sealed) {
    // Sessions written before tokens were sealed.
    return typeof data.authorization_token === "string" && data.authorization_token ? data.authorization_token : undefined
  }
  const [version, iv, body, tag] = sealed.split(".")
  try {
    if (version !== VERSION || !iv || !body || !tag) {
      throw new Error("unknown format")
    }
    const decipher = createDecipheriv("aes-256-gcm", keyFor(options), Buffer.from(iv, "base64url"))
    decipher.setAAD(sessionOf(data))
    decipher.setAuthTag(Buffer.from(tag, "base64url"))
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8")
  } catch {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "The Klarna approval saved on this payment session can no longer be read (were the Klarna credentials changed?). " +
        "Ask the customer to approve the payment in Klarna's widget again."
    )
  }
}

export function withoutAuthorizationToken<T extends KlarnaPaymentData>(data: T): T {
  const { authorization_token: _plain, [SEALED_TOKEN_KEY]: _sealed, ...rest } = data
  return rest as T
}
