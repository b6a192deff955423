/**
 * Order-level totals of built Klarna order lines: the rounding remainder
 * against the payment amount, order_amount / order_tax_amount, and the final
 * check against Klarna's rules.
 */
import type { BigNumberInput } from "@medusajs/framework/types"
import { KlarnaOrderLine, KlarnaOrderLineType, validateOrderAmounts } from "../validation/order-line-rules"
import { formatMinorUnits } from "./currency"
import { invalidOrderLineData as invalid } from "./order-line-error"
import { adjustLine } from "./order-line-rounding"
import { minorOf } from "./order-line-sources"

export interface KlarnaOrderAmounts {
  order_amount: number
  order_tax_amount: number
  order_lines: KlarnaOrderLine[]
}

/** Line types that may absorb a rounding remainder. */
const ADJUSTABLE_TYPES: ReadonlySet<KlarnaOrderLineType> = new Set(["physical", "digital", "shipping_fee", "surcharge"])

const sumTotals = (lines: KlarnaOrderLine[]) => lines.reduce((s, l) => s + l.total_amount, 0)

/** The first largest line of an adjustable type with a quantity, if any. */
function largestAdjustableLine(lines: KlarnaOrderLine[]): KlarnaOrderLine | undefined {
  let absorber: KlarnaOrderLine | undefined
  for (const line of lines) {
    if (line.type && ADJUSTABLE_TYPES.has(line.type) && line.quantity > 0 && (!absorber || line.total_amount > absorber.total_amount)) {
      absorber = line
    }
  }
  return absorber
}

/**
 * Σ total_amount, after moving the difference to the payment amount (at most
 * one minor unit per line) into the largest adjustable line.
 */
export function matchPaymentAmount(lines: KlarnaOrderLine[], amount: BigNumberInput | undefined | null, currency: string): number {
  const orderAmount = sumTotals(lines)
  if (amount === undefined || amount === null) {
    return orderAmount
  }
  const target = minorOf(amount, currency, "Payment amount")
  const diff = target - orderAmount
  if (diff === 0) {
    return orderAmount
  }
  const fmt = (minor: number) => formatMinorUnits(minor, currency)
  if (Math.abs(diff) > lines.length) {
    throw invalid(
      `The Klarna order lines add up to ${fmt(orderAmount)} but the payment amount is ${fmt(target)}. Refresh the cart and try again.`
    )
  }
  const absorber = largestAdjustableLine(lines)
  if (!absorber) {
    throw invalid(
      `The Klarna order lines add up to ${fmt(orderAmount)} but the payment amount is ${fmt(target)}, and no line can absorb the difference. Refresh the cart and try again.`
    )
  }
  adjustLine(absorber, diff)
  return sumTotals(lines)
}

/**
 * The checked Klarna amounts: order_tax_amount is the sales tax (US) or the
 * sum of the lines' contained VAT.
 */
export function orderAmounts(
  lines: KlarnaOrderLine[],
  orderAmount: number,
  salesTaxTotal: number | undefined,
  currency: string
): KlarnaOrderAmounts {
  if (orderAmount < 0) {
    throw invalid(
      `The Klarna order amount would be negative (${formatMinorUnits(orderAmount, currency)}): the credits exceed the order total`
    )
  }
  const orderTaxAmount = salesTaxTotal !== undefined ? salesTaxTotal : lines.reduce((s, l) => s + (l.total_tax_amount ?? 0), 0)
  const result: KlarnaOrderAmounts = {
    order_amount: orderAmount,
    order_tax_amount: orderTaxAmount,
    order_lines: lines,
  }
  const violations = validateOrderAmounts(result)
  if (violations.length) {
    throw invalid(`The Klarna order lines are invalid: ${violations.map((v) => `${v.field}: ${v.message}`).join("; ")}`)
  }
  return result
}
