import { Router } from "express"
import type { SimContext } from "../context"
import { createOrderFromToken, deleteAuthorization } from "../domain/authorizations"
import { createSession, findSession, sessionView, updateSession } from "../domain/sessions"
import { baseUrl } from "../http/base-url"
import { klarnaRoute } from "../http/klarna-route"

/** Klarna Payments v1, mounted at /payments/v1. Klarna declares no idempotency key here. */
export function paymentsRouter(ctx: SimContext): Router {
  const r = Router()

  r.post(
    "/sessions",
    klarnaRoute((req) => ({ status: 200, body: createSession(ctx, req.body) }))
  )
  r.get(
    "/sessions/:session_id",
    klarnaRoute((req) => ({ status: 200, body: sessionView(findSession(ctx, req.params.session_id)) }))
  )
  r.post(
    "/sessions/:session_id",
    klarnaRoute((req) => {
      updateSession(ctx, req.params.session_id, req.body)
      return { status: 204 }
    })
  )
  r.post(
    "/authorizations/:token/order",
    klarnaRoute((req) => ({ status: 200, body: createOrderFromToken(ctx, req.params.token, req.body, baseUrl(req)) }))
  )
  r.delete(
    "/authorizations/:token",
    klarnaRoute((req) => {
      deleteAuthorization(ctx, req.params.token)
      return { status: 204 }
    })
  )
  return r
}
