import { Router } from "express"
import type { SimContext } from "../context"
import { findOrder } from "../domain/orders"
import { parseBody } from "../domain/parse-body"
import { KlarnaError } from "../errors"
import { controlBody, sim } from "../http/sim-handler"
import { shopperPage } from "../kustom/checkout-html"
import { findCheckout, noSuchCheckout } from "../kustom/checkout-orders"
import { completeCheckout, completeCheckoutSchema } from "../kustom/complete-checkout"
import { iso } from "../state/ids"

/** Control API of the Kustom realm (no auth), mounted at /_sim/kustom. */
export function kustomControlRouter(ctx: SimContext): Router {
  const r = Router()
  const storedCheckout = (orderId: string) => {
    const checkout = ctx.store.checkouts.get(orderId)
    if (!checkout) throw noSuchCheckout(orderId)
    return checkout
  }

  // The shopper page the html_snippet's iframe shows.
  r.get("/checkout/:order_id", (req, res) => {
    const checkout = ctx.store.checkouts.get(req.params.order_id)
    if (!checkout) {
      res.status(404).type("text/plain").send("Kustom simulator: no such checkout order.")
      return
    }
    res.status(200).type("html").send(shopperPage(checkout))
  })

  r.get("/checkouts", sim(() => [...ctx.store.checkouts.values()]))
  r.get("/checkouts/:order_id", sim((req) => storedCheckout(req.params.order_id)))

  r.post(
    "/checkouts/:order_id/complete",
    sim((req) => completeCheckout(ctx, req.params.order_id, parseBody(completeCheckoutSchema, controlBody(req))))
  )

  r.post(
    "/checkouts/:order_id/expire",
    sim((req) => {
      const checkout = findCheckout(ctx, req.params.order_id)
      if (checkout.status === "checkout_complete") {
        throw new KlarnaError(409, "CONFLICT", ["A completed checkout order does not expire."])
      }
      checkout.expires_at = iso(ctx.now() - 1000)
      return checkout
    })
  )

  r.post(
    "/orders/:order_id/push",
    sim(async (req) => {
      const order = findOrder(ctx, req.params.order_id, "kustom")
      const result = await ctx.pushes.push(order.order_id, "manual")
      return { order_id: order.order_id, acknowledged: order.sim.acknowledged, ...result }
    })
  )

  r.get(
    "/pushes",
    sim((req) => {
      const orderId = typeof req.query.order_id === "string" ? req.query.order_id : undefined
      return ctx.store.pushes.filter((p) => !orderId || p.order_id === orderId)
    })
  )
  return r
}
