import { Router, type Request } from "express"
import { z } from "zod"
import type { SimContext } from "../context"
import { approveSession } from "../domain/authorizations"
import { captureOrder } from "../domain/captures"
import { decideFraud } from "../domain/fraud"
import { findOrder } from "../domain/orders"
import { ageOrder, setExpiresIn } from "../domain/order-lifecycle"
import { parseBody } from "../domain/parse-body"
import { refundOrder } from "../domain/refunds"
import { amount } from "../domain/schemas"
import { PAYMENT_METHOD_CATEGORIES } from "../domain/payment-methods"
import { KlarnaError, badValue } from "../errors"
import { faultSchema } from "../faults"
import { controlBody, sim } from "../http/sim-handler"
import { expandUrl, postJson } from "../notify"
import { iso } from "../state/ids"

const approveSchema = z.object({
  payment_method_category: z.enum(PAYMENT_METHOD_CATEGORIES).optional(),
  payment_method_type: z.string().min(1).optional(),
  fraud_status: z.enum(["ACCEPTED", "PENDING", "REJECTED"]).optional(),
})
const fraudDecisionSchema = z.object({ fraud_status: z.enum(["ACCEPTED", "REJECTED", "STOPPED"]) })
const portalAmountSchema = z.object({ amount: amount.optional() })
const refuseAddressSchema = z.object({ refuse: z.boolean().default(true), message: z.string().min(1).max(255).optional() })
const daysSchema = z.object({ days: z.number().min(-3650).max(3650) })

/** Test-and-demo control API (no auth), mounted at /_sim. */
export function simControlRouter(ctx: SimContext): Router {
  const r = Router()
  const body = controlBody

  r.get("/health", sim(() => ({ ok: true })))

  r.post(
    "/reset",
    sim(() => {
      ctx.reset()
      return { ok: true }
    })
  )

  r.get("/sessions", sim(() => [...ctx.store.sessions.values()]))
  r.get(
    "/sessions/:session_id",
    sim((req) => {
      const session = ctx.store.sessions.get(req.params.session_id)
      if (!session) throw new KlarnaError(404, "NOT_FOUND", ["Invalid session id"])
      const authorizations = [...ctx.store.authorizations.values()].filter((a) => a.session_id === session.session_id)
      return { ...session, authorizations }
    })
  )

  r.post(
    "/sessions/:session_id/approve",
    sim((req) => {
      const input = parseBody(approveSchema, body(req))
      const auth = approveSession(ctx, req.params.session_id, input)
      const session = ctx.store.sessions.get(auth.session_id)
      const template = session?.purchase.merchant_urls?.authorization
      if (template) {
        // Fire and forget, like Klarna's server-side authorization callback.
        void postJson(
          expandUrl(template, { sessionId: auth.session_id }),
          { authorization_token: auth.authorization_token, session_id: auth.session_id },
          ctx.config.notificationTimeoutMs
        )
      }
      return { authorization_token: auth.authorization_token, session_id: auth.session_id }
    })
  )

  r.get("/orders", sim(() => [...ctx.store.orders.values()]))
  r.get("/orders/:order_id", sim((req) => findOrder(ctx, req.params.order_id)))

  r.post(
    "/orders/:order_id/fraud-decision",
    sim(async (req) => {
      const { fraud_status } = parseBody(fraudDecisionSchema, body(req))
      const order = findOrder(ctx, req.params.order_id)
      const delivery = await decideFraud(ctx, order, fraud_status)
      return { order_id: order.order_id, fraud_status: order.fraud_status, ...delivery }
    })
  )

  r.post(
    "/orders/:order_id/portal-capture",
    sim((req) => {
      const input = parseBody(portalAmountSchema, body(req))
      const order = findOrder(ctx, req.params.order_id)
      return captureOrder(ctx, order, {
        captured_amount: input.amount ?? order.remaining_authorized_amount,
        description: "Captured in the Klarna merchant portal",
      })
    })
  )

  r.post(
    "/orders/:order_id/portal-refund",
    sim((req) => {
      const input = parseBody(portalAmountSchema, body(req))
      const order = findOrder(ctx, req.params.order_id)
      return refundOrder(ctx, order, {
        refunded_amount: input.amount ?? order.captured_amount - order.refunded_amount,
        description: "Refunded in the Klarna merchant portal",
      })
    })
  )

  r.post(
    "/orders/:order_id/refuse-address-changes",
    sim((req) => {
      const input = parseBody(refuseAddressSchema, body(req))
      const order = findOrder(ctx, req.params.order_id)
      order.sim.refuse_address_changes = input.refuse ? input.message ?? "Updating the shipping address is not allowed for this order." : undefined
      return { order_id: order.order_id, refuse_address_changes: order.sim.refuse_address_changes ?? null }
    })
  )

  r.post(
    "/orders/:order_id/expire",
    sim((req) => {
      const order = findOrder(ctx, req.params.order_id)
      order.expires_at = iso(ctx.now() - 1000)
      return findOrder(ctx, order.order_id)
    })
  )

  r.post(
    "/orders/:order_id/age",
    sim((req) => {
      const { days } = parseBody(daysSchema, body(req))
      const order = findOrder(ctx, req.params.order_id)
      ageOrder(order, days)
      return findOrder(ctx, order.order_id)
    })
  )

  r.post(
    "/orders/:order_id/expires-in",
    sim((req) => {
      const { days } = parseBody(daysSchema, body(req))
      const order = findOrder(ctx, req.params.order_id)
      setExpiresIn(ctx, order, days)
      return findOrder(ctx, order.order_id)
    })
  )

  // Where the create-order redirect_url leads: on to the merchant's confirmation page.
  r.get("/redirect/:order_id", (req, res) => {
    const order = ctx.store.orders.get(req.params.order_id)
    const template = order?.merchant_urls?.confirmation
    if (!order || !template) {
      res.status(200).type("text/plain").send("Klarna simulator: order confirmed.")
      return
    }
    res.redirect(302, expandUrl(template, { sessionId: order.sim.session_id, orderId: order.order_id }))
  })

  r.get(
    "/requests",
    sim((req) => ctx.requestLog.list(typeof req.query.path_contains === "string" ? req.query.path_contains : undefined))
  )
  r.delete(
    "/requests",
    sim(() => {
      ctx.requestLog.clear()
      return { ok: true }
    })
  )

  r.get("/faults", sim(() => ctx.faults.list()))
  r.post(
    "/faults",
    sim((req) => {
      const spec = parseBody(faultSchema, body(req))
      try {
        return ctx.faults.add(spec)
      } catch (err) {
        throw badValue("path", err instanceof Error ? err.message : "invalid regular expression")
      }
    })
  )
  r.delete(
    "/faults",
    sim(() => {
      ctx.faults.clear()
      return { ok: true }
    })
  )
  return r
}
