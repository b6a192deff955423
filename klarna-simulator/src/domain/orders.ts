import type { SimContext } from "../context"
import { noSuchOrder } from "../errors"
import type { Realm } from "../realm"
import type { SimOrder } from "../state/models"
import { compact } from "./purchase"

/** An authorization past expires_at can no longer be captured: Klarna reports it as EXPIRED. */
export function syncExpiry(order: SimOrder, now: number): void {
  if ((order.status === "AUTHORIZED" || order.status === "PART_CAPTURED") && Date.parse(order.expires_at) <= now) {
    order.status = "EXPIRED"
  }
}

/**
 * An order of the given realm (any realm for the control API). Another realm's order does not
 * exist for the caller: Klarna and Kustom are separate companies with separate order databases.
 */
export function findOrder(ctx: SimContext, orderId: string, realm?: Realm): SimOrder {
  const order = ctx.store.orders.get(orderId)
  if (!order || (realm && order.realm !== realm)) throw noSuchOrder(orderId)
  syncExpiry(order, ctx.now())
  return order
}

/** Status after the amounts changed (capture, update of the authorization). */
export function statusFromAmounts(order: SimOrder): SimOrder["status"] {
  if (order.captured_amount === 0) return order.remaining_authorized_amount > 0 ? "AUTHORIZED" : "CAPTURED"
  return order.remaining_authorized_amount > 0 ? "PART_CAPTURED" : "CAPTURED"
}

/** Klarna's `Order` resource (GET /ordermanagement/v1/orders/{id}): no simulator internals. */
export function klarnaOrderView(order: SimOrder) {
  const { sim: _sim, merchant_urls: _urls, realm: _realm, ...klarna } = order
  return compact({
    ...klarna,
    captures: order.captures.map((c) => compact({ ...c })),
    refunds: order.refunds.map((r) => compact({ ...r })),
  })
}
