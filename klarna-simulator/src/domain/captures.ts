import type { SimContext } from "../context"
import { badValue, KlarnaError } from "../errors"
import type { SimCapture, SimOrder } from "../state/models"
import { iso, newId } from "../state/ids"
import { assertOrderLines } from "./parse-body"
import type { CaptureInput } from "./schemas"
import { statusFromAmounts } from "./orders"

const captureNotAllowed = (reason: string) => new KlarnaError(403, "CAPTURE_NOT_ALLOWED", [reason])

export function assertCapturable(order: SimOrder, amount: number): void {
  if (order.status === "CANCELLED") throw captureNotAllowed("Order is cancelled. Capture not possible.")
  if (order.status === "EXPIRED") throw captureNotAllowed("Order is expired. Capture not possible.")
  if (order.status === "CLOSED") throw captureNotAllowed("Order is closed. Capture not possible.")
  if (order.sim.fraud_stopped || order.fraud_status === "REJECTED") {
    throw captureNotAllowed("Order was rejected by Klarna's fraud assessment. Capture not possible.")
  }
  if (order.fraud_status === "PENDING") {
    throw captureNotAllowed("Order is pending Klarna's fraud assessment. Capture not possible.")
  }
  if (amount > order.remaining_authorized_amount) {
    throw captureNotAllowed("Captured amount is higher than the remaining authorized amount. Capture not possible.")
  }
}

export function captureOrder(ctx: SimContext, order: SimOrder, input: CaptureInput): SimCapture {
  if (input.captured_amount <= 0) {
    throw badValue("captured_amount", "captured_amount must be greater than 0")
  }
  const order_lines = assertOrderLines(input.order_lines)
  assertCapturable(order, input.captured_amount)

  const capture: SimCapture = {
    capture_id: newId(),
    klarna_reference: `${order.klarna_reference}-${order.captures.length + 1}`,
    captured_amount: input.captured_amount,
    captured_at: iso(ctx.now()),
    description: input.description,
    order_lines,
    reference: input.reference,
    refunded_amount: 0,
    billing_address: order.billing_address,
    shipping_address: order.shipping_address,
    shipping_info: input.shipping_info ?? [],
  }
  order.captures.push(capture)
  order.captured_amount += capture.captured_amount
  order.remaining_authorized_amount -= capture.captured_amount
  order.status = statusFromAmounts(order)
  // Klarna: capturing also acknowledges the order.
  order.sim.acknowledged = true
  return capture
}

export function findCapture(order: SimOrder, captureId: string): SimCapture {
  const capture = order.captures.find((c) => c.capture_id === captureId)
  if (!capture) {
    throw new KlarnaError(404, "NO_SUCH_CAPTURE", [`Capture ${captureId} could not be found for order ${order.order_id}.`])
  }
  return capture
}
