import { Router, type Request } from "express"
import type { SimContext } from "../context"
import { captureOrder, findCapture } from "../domain/captures"
import { cancelOrder, extendAuthorizationTime, releaseRemainingAuthorization } from "../domain/order-lifecycle"
import { updateAuthorization, updateCustomerDetails, updateMerchantReferences } from "../domain/order-updates"
import { findOrder, klarnaOrderView } from "../domain/orders"
import { parseBody } from "../domain/parse-body"
import { compact } from "../domain/purchase"
import { findRefund, refundOrder } from "../domain/refunds"
import {
  captureSchema,
  customerDetailsSchema,
  merchantReferencesSchema,
  refundSchema,
  shippingInfoUpdateSchema,
  updateAuthorizationSchema,
} from "../domain/schemas"
import { baseUrl } from "../http/base-url"
import { klarnaRoute, type KlarnaHandler } from "../http/klarna-route"
import type { SimResponse } from "../http/sim-response"
import type { Realm } from "../realm"

const NO_CONTENT: SimResponse = { status: 204 }

/**
 * Order Management v1 of one realm, mounted at `<realm prefix>/ordermanagement/v1`; it sees only
 * that realm's orders. Every mutation honours Klarna-Idempotency-Key.
 */
export function orderManagementRouter(ctx: SimContext, realm: Realm = "klarna"): Router {
  const r = Router()
  const read = (h: KlarnaHandler) => klarnaRoute(h)
  const mutate = (h: KlarnaHandler) => klarnaRoute(h, { idempotency: ctx.idempotency })
  const order = (req: Request) => findOrder(ctx, req.params.order_id, realm)
  // req.baseUrl is the full mount path, so Kustom's Location headers carry /kustom.
  const orderUrl = (req: Request) => `${baseUrl(req)}${req.baseUrl}/orders/${encodeURIComponent(req.params.order_id)}`

  r.get("/orders/:order_id", read((req) => ({ status: 200, body: klarnaOrderView(order(req)) })))

  r.post(
    "/orders/:order_id/acknowledge",
    mutate((req) => {
      order(req).sim.acknowledged = true
      return NO_CONTENT
    })
  )

  r.patch(
    "/orders/:order_id/authorization",
    mutate((req) => {
      const o = order(req)
      updateAuthorization(o, parseBody(updateAuthorizationSchema, req.body))
      return NO_CONTENT
    })
  )

  r.post(
    "/orders/:order_id/cancel",
    mutate((req) => {
      cancelOrder(order(req))
      return NO_CONTENT
    })
  )

  r.post(
    "/orders/:order_id/captures",
    mutate((req) => {
      const o = order(req)
      const capture = captureOrder(ctx, o, parseBody(captureSchema, req.body))
      return {
        status: 201,
        headers: { "Capture-Id": capture.capture_id, Location: `${orderUrl(req)}/captures/${capture.capture_id}` },
      }
    })
  )
  r.get("/orders/:order_id/captures", read((req) => ({ status: 200, body: order(req).captures.map((c) => compact({ ...c })) })))
  r.get(
    "/orders/:order_id/captures/:capture_id",
    read((req) => ({ status: 200, body: compact({ ...findCapture(order(req), req.params.capture_id) }) }))
  )
  r.post(
    "/orders/:order_id/captures/:capture_id/shipping-info",
    mutate((req) => {
      const capture = findCapture(order(req), req.params.capture_id)
      capture.shipping_info.push(...parseBody(shippingInfoUpdateSchema, req.body).shipping_info)
      return NO_CONTENT
    })
  )
  r.post(
    "/orders/:order_id/captures/:capture_id/trigger-send-out",
    mutate((req) => {
      findCapture(order(req), req.params.capture_id)
      return NO_CONTENT
    })
  )

  r.post(
    "/orders/:order_id/refunds",
    mutate((req) => {
      const o = order(req)
      const refund = refundOrder(ctx, o, parseBody(refundSchema, req.body))
      return {
        status: 201,
        headers: { "Refund-Id": refund.refund_id, Location: `${orderUrl(req)}/refunds/${refund.refund_id}` },
      }
    })
  )
  r.get(
    "/orders/:order_id/refunds/:refund_id",
    read((req) => ({ status: 200, body: compact({ ...findRefund(order(req), req.params.refund_id) }) }))
  )

  r.post(
    "/orders/:order_id/release-remaining-authorization",
    mutate((req) => {
      releaseRemainingAuthorization(order(req))
      return NO_CONTENT
    })
  )
  r.post(
    "/orders/:order_id/extend-authorization-time",
    mutate((req) => {
      extendAuthorizationTime(ctx, order(req))
      return NO_CONTENT
    })
  )
  r.patch(
    "/orders/:order_id/merchant-references",
    mutate((req) => {
      const o = order(req)
      updateMerchantReferences(o, parseBody(merchantReferencesSchema, req.body))
      return NO_CONTENT
    })
  )
  r.patch(
    "/orders/:order_id/customer-details",
    mutate((req) => {
      const o = order(req)
      updateCustomerDetails(o, parseBody(customerDetailsSchema, req.body))
      return NO_CONTENT
    })
  )
  r.post(
    "/orders/:order_id/shipping-info",
    mutate((req) => {
      const o = order(req)
      o.shipping_info.push(...parseBody(shippingInfoUpdateSchema, req.body).shipping_info)
      return NO_CONTENT
    })
  )
  return r
}
