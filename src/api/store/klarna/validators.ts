import { z } from "@medusajs/framework/zod"

/**
 * Klarna's authorization tokens are UUID-like. Anything outside this set
 * (whitespace, CR/LF, NUL and other control characters) is refused with 400
 * rather than reaching Klarna's URL or the database.
 */
export const KLARNA_AUTHORIZATION_TOKEN_PATTERN = /^[A-Za-z0-9._-]+$/
export const KLARNA_AUTHORIZATION_TOKEN_MAX_LENGTH = 256

const token = z
  .string()
  .min(1, "authorization_token is required")
  .max(KLARNA_AUTHORIZATION_TOKEN_MAX_LENGTH, `authorization_token must be at most ${KLARNA_AUTHORIZATION_TOKEN_MAX_LENGTH} characters`)
  .regex(KLARNA_AUTHORIZATION_TOKEN_PATTERN, "authorization_token may only contain letters, digits, '-', '_' and '.'")

/** Medusa ids (`cart_01…`, `payses_01…`) and Klarna session ids. */
const ID_PATTERN = /^[A-Za-z0-9_-]+$/
export const medusaId = (name: string) =>
  z
    .string()
    .min(1, `${name} is required`)
    .max(128, `${name} must be at most 128 characters`)
    .regex(ID_PATTERN, `${name} may only contain letters, digits, '-' and '_'`)

export const StoreKlarnaAuthorizationToken = z
  .object({ cart_id: medusaId("cart_id"), authorization_token: token })
  .strict()
export type StoreKlarnaAuthorizationTokenType = z.infer<typeof StoreKlarnaAuthorizationToken>

/** The `:id` of `/store/klarna/payment-sessions/:id/authorization-token`. */
export const StoreKlarnaPaymentSessionId = medusaId("payment session id")

export const HookKlarnaAuthorization = z.object({ authorization_token: token, session_id: medusaId("session_id") })
export type HookKlarnaAuthorizationType = z.infer<typeof HookKlarnaAuthorization>

export const HookKlarnaAuthorizationQuery = z.object({
  payment_session_id: medusaId("payment_session_id"),
  /** The provider's signature of the session id, part of the callback URL it gave Klarna. */
  sig: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "sig is missing or malformed"),
})
export type HookKlarnaAuthorizationQueryType = z.infer<typeof HookKlarnaAuthorizationQuery>
