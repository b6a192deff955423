import type { SimContext } from "../context"
import { parseBody } from "../domain/parse-body"
import { compact } from "../domain/purchase"
import { KlarnaError } from "../errors"
import type { CheckoutPurchase, SimCheckout } from "../state/checkout-models"
import { iso, newId } from "../state/ids"
import { assertCheckoutAmounts } from "./checkout-order-lines"
import { htmlSnippet } from "./checkout-html"
import { checkoutOrderSchema, checkoutOrderUpdateSchema, READ_ONLY_CHECKOUT_FIELDS } from "./checkout-schemas"

export const noSuchCheckout = (orderId: string) =>
  new KlarnaError(404, "NOT_FOUND", [`Checkout order ${orderId} cannot be found. You need to create a new order.`])

const readOnlyOrder = () => new KlarnaError(403, "READ_ONLY_ORDER", ["Resource is read-only"])

/** A client may send back what it read; server-set fields are ignored rather than refused. */
function withoutReadOnlyFields(body: unknown): unknown {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return body
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) }
  for (const field of READ_ONLY_CHECKOUT_FIELDS) delete copy[field]
  return copy
}

/** Validates a whole checkout purchase: field shapes first, then the order-line rules. */
function toCheckoutPurchase(body: unknown): CheckoutPurchase {
  const input = parseBody(checkoutOrderSchema, body)
  const order_lines = assertCheckoutAmounts(input)
  return {
    ...input,
    purchase_country: input.purchase_country.toUpperCase(),
    purchase_currency: input.purchase_currency.toUpperCase(),
    order_lines,
  }
}

function touch(ctx: SimContext, checkout: SimCheckout): void {
  const now = ctx.now()
  checkout.last_modified_at = iso(now)
  checkout.expires_at = iso(now + ctx.config.kustom.checkoutTtlMs)
}

export function createCheckout(ctx: SimContext, body: unknown, baseUrl: string): SimCheckout {
  const purchase = toCheckoutPurchase(withoutReadOnlyFields(body))
  const now = ctx.now()
  const order_id = newId()
  const checkout: SimCheckout = {
    order_id,
    status: "checkout_incomplete",
    purchase,
    html_snippet: htmlSnippet(baseUrl, order_id),
    started_at: iso(now),
    last_modified_at: iso(now),
    expires_at: iso(now + ctx.config.kustom.checkoutTtlMs),
    completing: false,
  }
  ctx.store.checkouts.set(order_id, checkout)
  return checkout
}

/** A checkout order that exists; one never completed is gone 48 h after its last update. */
export function findCheckout(ctx: SimContext, orderId: string): SimCheckout {
  const checkout = ctx.store.checkouts.get(orderId)
  if (!checkout) throw noSuchCheckout(orderId)
  if (checkout.status !== "checkout_complete" && Date.parse(checkout.expires_at) <= ctx.now()) {
    throw noSuchCheckout(orderId)
  }
  return checkout
}

/** POST /checkout/v3/orders/{id}: merge the given fields, validate the result as a whole. */
export function updateCheckout(ctx: SimContext, orderId: string, body: unknown): SimCheckout {
  const checkout = findCheckout(ctx, orderId)
  if (checkout.status !== "checkout_incomplete") throw readOnlyOrder()
  const patch = parseBody(checkoutOrderUpdateSchema, withoutReadOnlyFields(body))
  checkout.purchase = toCheckoutPurchase({ ...compact(checkout.purchase), ...compact(patch) })
  touch(ctx, checkout)
  return checkout
}

/** The merchant gives up the checkout: it stays readable but can no longer be completed or updated. */
export function abortCheckout(ctx: SimContext, orderId: string): void {
  const checkout = findCheckout(ctx, orderId)
  if (checkout.status === "checkout_complete") throw readOnlyOrder()
  if (checkout.status === "checkout_aborted") return
  checkout.status = "checkout_aborted"
  touch(ctx, checkout)
}

/** Kustom's checkout `order` resource: no simulator internals. */
export function checkoutView(checkout: SimCheckout) {
  return compact({
    order_id: checkout.order_id,
    status: checkout.status,
    ...compact(checkout.purchase),
    html_snippet: checkout.html_snippet,
    started_at: checkout.started_at,
    completed_at: checkout.completed_at,
    last_modified_at: checkout.last_modified_at,
  })
}
