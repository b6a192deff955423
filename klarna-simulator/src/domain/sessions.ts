import type { SimContext } from "../context"
import { KlarnaError } from "../errors"
import type { SimSession } from "../state/models"
import { iso, newClientToken, newId } from "../state/ids"
import { OFFERED_CATEGORIES } from "./payment-methods"
import { compact, parsePurchase, toPurchase } from "./purchase"
import { parseBody } from "./parse-body"
import { sessionCreateSchema, sessionUpdateSchema } from "./schemas"

export const invalidSession = () => new KlarnaError(404, "NOT_FOUND", ["Invalid session id"])

export function createSession(ctx: SimContext, body: unknown) {
  const { purchase } = parsePurchase(sessionCreateSchema, body)
  const now = ctx.now()
  const session_id = newId()
  const session: SimSession = {
    session_id,
    client_token: newClientToken(session_id),
    status: "incomplete",
    created_at: iso(now),
    updated_at: iso(now),
    expires_at: iso(now + ctx.config.sessionTtlMs),
    purchase,
  }
  ctx.store.sessions.set(session_id, session)
  return { session_id, client_token: session.client_token, payment_method_categories: OFFERED_CATEGORIES }
}

/** A session that exists and has not expired (48 h after its last update). */
export function findSession(ctx: SimContext, sessionId: string): SimSession {
  const session = ctx.store.sessions.get(sessionId)
  if (!session || Date.parse(session.expires_at) <= ctx.now()) {
    throw invalidSession()
  }
  return session
}

export function assertSessionOpen(session: SimSession): void {
  if (session.status === "complete") {
    throw new KlarnaError(404, "SESSION_COMPLETED", ["Session has already been completed"])
  }
}

/** Update = merge the given fields into the stored session, then validate the result as a whole. */
export function updateSession(ctx: SimContext, sessionId: string, body: unknown): void {
  const session = findSession(ctx, sessionId)
  assertSessionOpen(session)
  const patch = parseBody(sessionUpdateSchema, body)
  const merged = { ...compact(session.purchase), ...compact(patch) }
  const input = parseBody(sessionCreateSchema, merged)
  session.purchase = toPurchase(input)
  const now = ctx.now()
  session.updated_at = iso(now)
  session.expires_at = iso(now + ctx.config.sessionTtlMs)
}

/** Klarna's `session_read`. */
export function sessionView(session: SimSession) {
  return compact({
    ...compact(session.purchase),
    status: session.status,
    client_token: session.client_token,
    expires_at: session.expires_at,
    authorization_token: session.authorization_token,
    payment_method_categories: OFFERED_CATEGORIES,
  })
}
