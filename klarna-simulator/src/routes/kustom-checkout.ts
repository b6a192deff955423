import { Router, type Request } from "express"
import type { SimContext } from "../context"
import { baseUrl } from "../http/base-url"
import { klarnaRoute } from "../http/klarna-route"
import { abortCheckout, checkoutView, createCheckout, findCheckout, updateCheckout } from "../kustom/checkout-orders"

/** Kustom Checkout API v3, mounted at /kustom/checkout/v3. Kustom declares no idempotency key here. */
export function kustomCheckoutRouter(ctx: SimContext): Router {
  const r = Router()
  const orderUrl = (req: Request, orderId: string) => `${baseUrl(req)}${req.baseUrl}/orders/${encodeURIComponent(orderId)}`

  r.post(
    "/orders",
    klarnaRoute((req) => {
      const checkout = createCheckout(ctx, req.body, baseUrl(req))
      return { status: 201, headers: { Location: orderUrl(req, checkout.order_id) }, body: checkoutView(checkout) }
    })
  )
  r.get(
    "/orders/:order_id",
    klarnaRoute((req) => ({ status: 200, body: checkoutView(findCheckout(ctx, req.params.order_id)) }))
  )
  r.post(
    "/orders/:order_id",
    klarnaRoute((req) => ({ status: 200, body: checkoutView(updateCheckout(ctx, req.params.order_id, req.body)) }))
  )
  r.post(
    "/orders/:order_id/abort",
    klarnaRoute((req) => {
      abortCheckout(ctx, req.params.order_id)
      return { status: 204 }
    })
  )
  return r
}
