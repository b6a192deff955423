import type { SimContext } from "../context"
import { DAY } from "../config"
import { KlarnaError } from "../errors"
import type { CreateOrderResponse, FraudStatus, PaymentMethodCategory, SimAuthorization, SimOrder } from "../state/models"
import { iso, newId, newKlarnaReference } from "../state/ids"
import { canonicalJson } from "./canonical-json"
import { captureOrder } from "./captures"
import { authorizedPaymentMethod, DEFAULT_METHOD_TYPE, initialPaymentMethod } from "./payment-methods"
import { parsePurchase } from "./purchase"
import { assertMatchesAuthorization } from "./purchase-match"
import { createOrderSchema } from "./schemas"
import { assertSessionOpen, findSession } from "./sessions"

const invalidToken = () => new KlarnaError(404, "NOT_FOUND", ["Invalid authorization token"])

export interface ApproveInput {
  payment_method_category?: PaymentMethodCategory
  payment_method_type?: string
  fraud_status?: FraudStatus
}

/** What the Klarna widget does in the browser: the customer authorizes, a token is issued. */
export function approveSession(ctx: SimContext, sessionId: string, input: ApproveInput): SimAuthorization {
  const session = findSession(ctx, sessionId)
  assertSessionOpen(session)
  const category = input.payment_method_category ?? "pay_later"
  const now = ctx.now()
  const auth: SimAuthorization = {
    authorization_token: newId(),
    session_id: session.session_id,
    created_at: iso(now),
    expires_at: iso(now + ctx.config.authorizationTtlMs),
    payment_method_category: category,
    payment_method_type: (input.payment_method_type ?? DEFAULT_METHOD_TYPE[category]).toUpperCase(),
    fraud_status: input.fraud_status ?? "ACCEPTED",
    authorized: structuredClone(session.purchase),
    deleted: false,
  }
  ctx.store.authorizations.set(auth.authorization_token, auth)
  session.authorization_token = auth.authorization_token
  return auth
}

/**
 * POST /payments/v1/authorizations/{token}/order. The token is single use, but an identical
 * retry (a client that lost the first answer) gets the first answer again.
 */
export function createOrderFromToken(ctx: SimContext, token: string, body: unknown, baseUrl: string): CreateOrderResponse {
  const auth = ctx.store.authorizations.get(token)
  if (!auth || auth.deleted) throw invalidToken()
  if (auth.consumed) {
    if (auth.consumed.request === canonicalJson(body)) return auth.consumed.response
    throw new KlarnaError(403, "INVALID_OPERATION", ["Authorization token already consumed"])
  }
  if (Date.parse(auth.expires_at) <= ctx.now()) throw invalidToken()

  const { purchase, input } = parsePurchase(createOrderSchema, body)
  assertMatchesAuthorization(auth.authorized, purchase)
  if (auth.fraud_status === "REJECTED") {
    throw new KlarnaError(403, "REJECTED", ["Purchase was rejected by Klarna"])
  }

  const session = ctx.store.sessions.get(auth.session_id)
  const now = ctx.now()
  const method = initialPaymentMethod(auth.payment_method_type)
  const order: SimOrder = {
    order_id: newId(),
    realm: "klarna",
    klarna_reference: newKlarnaReference(),
    status: "AUTHORIZED",
    fraud_status: auth.fraud_status,
    order_amount: purchase.order_amount,
    original_order_amount: purchase.order_amount,
    captured_amount: 0,
    refunded_amount: 0,
    remaining_authorized_amount: purchase.order_amount,
    purchase_country: purchase.purchase_country,
    purchase_currency: purchase.purchase_currency,
    locale: purchase.locale,
    order_lines: purchase.order_lines,
    merchant_reference1: purchase.merchant_reference1,
    merchant_reference2: purchase.merchant_reference2,
    merchant_data: purchase.merchant_data,
    created_at: iso(now),
    expires_at: iso(now + ctx.config.authorizationDays * DAY),
    captures: [],
    refunds: [],
    billing_address: purchase.billing_address ?? auth.authorized.billing_address,
    shipping_address: purchase.shipping_address ?? auth.authorized.shipping_address,
    customer: purchase.customer ?? auth.authorized.customer,
    shipping_info: [],
    initial_payment_method: method,
    merchant_urls: { ...session?.purchase.merchant_urls, ...purchase.merchant_urls },
    sim: {
      session_id: auth.session_id,
      authorization_token: token,
      auto_capture: input.auto_capture === true,
      acknowledged: false,
      fraud_stopped: false,
      notifications: [],
    },
  }
  ctx.store.orders.set(order.order_id, order)
  if (order.sim.auto_capture && order.fraud_status === "ACCEPTED") {
    autoCapture(ctx, order)
  }

  const response: CreateOrderResponse = {
    order_id: order.order_id,
    redirect_url: `${baseUrl}/_sim/redirect/${order.order_id}`,
    fraud_status: order.fraud_status,
    authorized_payment_method: authorizedPaymentMethod(auth.payment_method_type),
  }
  auth.consumed = { order_id: order.order_id, request: canonicalJson(body), response }
  if (session) {
    session.status = "complete"
    session.order_id = order.order_id
  }
  return response
}

/** auto_capture: the whole amount is captured when the order is (or becomes) ACCEPTED. */
export function autoCapture(ctx: SimContext, order: SimOrder): void {
  captureOrder(ctx, order, { captured_amount: order.remaining_authorized_amount, order_lines: order.order_lines })
}

/** DELETE /payments/v1/authorizations/{token}: the customer's authorization is dropped. */
export function deleteAuthorization(ctx: SimContext, token: string): void {
  const auth = ctx.store.authorizations.get(token)
  if (!auth || auth.deleted) throw invalidToken()
  if (auth.consumed) throw new KlarnaError(404, "NOT_FOUND", ["Authorization cannot be deleted"])
  auth.deleted = true
}
