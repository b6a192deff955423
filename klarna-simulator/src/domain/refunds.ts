import type { KlarnaOrderLine } from "../../../src/klarna/validation/order-line-rules"
import type { SimContext } from "../context"
import { badValue, KlarnaError } from "../errors"
import type { SimCapture, SimOrder, SimRefund } from "../state/models"
import { iso, newId } from "../state/ids"
import { assertOrderLines } from "./parse-body"
import type { RefundInput } from "./schemas"

const refundNotAllowed = (reason: string) => new KlarnaError(403, "REFUND_NOT_ALLOWED", [reason])

export function refundOrder(ctx: SimContext, order: SimOrder, input: RefundInput): SimRefund {
  const amount = input.refunded_amount
  if (amount <= 0) throw badValue("refunded_amount", "refunded_amount must be greater than 0")
  const order_lines = assertOrderLines(input.order_lines)
  assertReturnFee(order_lines, amount)

  if (order.status === "CANCELLED") throw refundNotAllowed("Order is cancelled. Refund not possible.")
  if (order.captures.length === 0) throw refundNotAllowed("Order has no captures. Refund not possible")
  if (order.refunded_amount >= order.captured_amount) throw refundNotAllowed("Order is fully refunded. Refund not possible.")
  if (order.refunded_amount + amount > order.captured_amount) {
    throw refundNotAllowed("Refunded amount is higher than the captured amount. Refund not possible.")
  }

  const refund: SimRefund = {
    refund_id: newId(),
    refunded_amount: amount,
    refunded_at: iso(ctx.now()),
    description: input.description,
    order_lines,
    reference: input.reference,
  }
  allocateToCaptures(order.captures, amount, order_lines)
  order.refunds.push(refund)
  order.refunded_amount += amount
  return refund
}

/** A return fee is only accepted when the refund lines add up exactly to the refunded amount. */
function assertReturnFee(lines: KlarnaOrderLine[], amount: number): void {
  if (!lines.some((l) => l.type === "return_fee")) return
  const sum = lines.reduce((s, l) => s + l.total_amount, 0)
  if (sum !== amount) {
    throw badValue(
      "order_lines",
      `With a return_fee line the order lines must add up to refunded_amount exactly (${sum}, got ${amount})`
    )
  }
}

/**
 * Spreads a refund over the captures (capture.refunded_amount): captures holding a line with the
 * same reference first, then oldest first — Klarna's refund allocation by line reference.
 */
function allocateToCaptures(captures: SimCapture[], amount: number, lines: KlarnaOrderLine[]): void {
  const refs = new Set(lines.map((l) => l.reference).filter((r): r is string => !!r))
  const matches = (c: SimCapture) => c.order_lines.some((l) => l.reference !== undefined && refs.has(l.reference))
  const ordered = [...captures.filter(matches), ...captures.filter((c) => !matches(c))]
  let left = amount
  for (const c of ordered) {
    const take = Math.min(left, c.captured_amount - c.refunded_amount)
    c.refunded_amount += take
    left -= take
    if (left === 0) break
  }
}

export function findRefund(order: SimOrder, refundId: string): SimRefund {
  const refund = order.refunds.find((r) => r.refund_id === refundId)
  if (!refund) {
    throw new KlarnaError(404, "NOT_FOUND", [`Refund with id ${refundId} cannot be found for order ${order.order_id}.`])
  }
  return refund
}
