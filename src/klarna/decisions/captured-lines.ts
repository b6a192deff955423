import type { KlarnaOrderLine } from "../validation/order-line-rules"

type OrderWithCaptures = {
  order_amount: number
  captured_amount: number
  order_lines?: KlarnaOrderLine[] | null
  captures?: Array<{ order_lines?: KlarnaOrderLine[] | null }> | null
}

/**
 * The order lines Klarna captured: from the captures when each carried lines,
 * else the order's lines when it was captured in full (a capture of an amount
 * without lines still captured the order's composition).
 */
export function capturedLines(order: OrderWithCaptures): KlarnaOrderLine[] {
  const captures = order.captures ?? []
  if (captures.length && captures.every((c) => c.order_lines?.length)) {
    return captures.flatMap((c) => c.order_lines ?? [])
  }
  return order.order_lines ?? []
}
