import type { KlarnaOrderLine } from "../../../src/klarna/validation/order-line-rules"
import { assertOrderAmounts } from "../domain/parse-body"
import { badValue } from "../errors"

/** Checkout v3 caps unit_price and total_amount lower than Klarna Payments does. */
export const KCO_MAX_LINE_AMOUNT = 100_000_000

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object"

/**
 * Checkout's own line requirements (tax_rate and total_tax_amount are required, line amounts at
 * most 100 000 000), then the shared Klarna rules for each line and the order sums.
 */
export function assertCheckoutAmounts(order: { order_amount: number; order_tax_amount: number; order_lines: unknown[] }): KlarnaOrderLine[] {
  order.order_lines.forEach((line, i) => {
    if (!isObject(line)) return // the shared rules name it
    for (const field of ["tax_rate", "total_tax_amount"]) {
      if (line[field] === undefined) throw badValue(`order_lines[${i}].${field}`, `${field} is required`)
    }
    for (const field of ["unit_price", "total_amount"]) {
      const value = line[field]
      if (typeof value === "number" && value > KCO_MAX_LINE_AMOUNT) {
        throw badValue(`order_lines[${i}].${field}`, `${field} must be at most ${KCO_MAX_LINE_AMOUNT}`)
      }
    }
  })
  return assertOrderAmounts(order)
}
