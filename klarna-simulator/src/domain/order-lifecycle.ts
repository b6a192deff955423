import type { SimContext } from "../context"
import { DAY } from "../config"
import { KlarnaError, notAllowed } from "../errors"
import type { SimOrder } from "../state/models"
import { iso } from "../state/ids"

/** Cancel releases the whole authorization; only possible before anything was captured. */
export function cancelOrder(order: SimOrder): void {
  const refuse = (reason: string) => new KlarnaError(403, "CANCEL_NOT_ALLOWED", [reason])
  if (order.status === "CANCELLED") throw refuse("Order is already cancelled. Cancel not possible.")
  if (order.status === "CLOSED") throw refuse("Order is closed. Cancel not possible.")
  if (order.captures.length > 0) throw refuse("Order has previous captures. Cancel not possible.")
  order.status = "CANCELLED"
  order.remaining_authorized_amount = 0
}

/** After a partial capture: give up the rest of the authorization. */
export function releaseRemainingAuthorization(order: SimOrder): void {
  const suffix = "Remaining authorization cannot be released."
  if (order.status === "CANCELLED") throw notAllowed(`Order is cancelled. ${suffix}`)
  if (order.captures.length === 0) throw notAllowed(`Order has no captures. ${suffix}`)
  if (order.remaining_authorized_amount === 0) throw notAllowed(`Order is fully captured. ${suffix}`)
  order.remaining_authorized_amount = 0
  order.status = "CAPTURED"
}

/**
 * New expires_at = now + the authorization window (same-day repeats give the same date).
 * Klarna allows extensions "up to 180 days after it's created" and documents no partial
 * extension, so one whose new expiry would pass created_at + 180 days is refused (403
 * NOT_ALLOWED) rather than shortened; landing exactly on the cap is allowed.
 */
export function extendAuthorizationTime(ctx: SimContext, order: SimOrder): void {
  const suffix = "Authorization time cannot be extended."
  if (order.status === "EXPIRED") throw notAllowed(`Order is expired. ${suffix}`)
  if (order.status === "CANCELLED") throw notAllowed(`Order is cancelled. ${suffix}`)
  if (order.status === "CAPTURED" || order.status === "CLOSED") throw notAllowed(`Order is fully captured. ${suffix}`)
  const cap = Date.parse(order.created_at) + ctx.config.maxAuthorizationDays * DAY
  const wanted = ctx.now() + ctx.config.authorizationDays * DAY
  if (wanted > cap) {
    throw notAllowed(`Order would expire more than ${ctx.config.maxAuthorizationDays} days after it was created. ${suffix}`)
  }
  order.expires_at = iso(wanted)
}

/** Control API: the order as if placed `days` earlier (created_at and expires_at move back together). */
export function ageOrder(order: SimOrder, days: number): void {
  order.created_at = iso(Date.parse(order.created_at) - days * DAY)
  order.expires_at = iso(Date.parse(order.expires_at) - days * DAY)
}

/** Control API: the authorization expires `days` from now (a live order that had read EXPIRED is live again). */
export function setExpiresIn(ctx: SimContext, order: SimOrder, days: number): void {
  order.expires_at = iso(ctx.now() + days * DAY)
  if (order.status === "EXPIRED" && Date.parse(order.expires_at) > ctx.now()) {
    order.status = order.captured_amount > 0 ? "PART_CAPTURED" : "AUTHORIZED"
  }
}
