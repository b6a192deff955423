/**
 * Klarna's arithmetic for one order line, exact (BigInt based): unit price,
 * discount and contained VAT from a line's integer totals, and moving a
 * rounding remainder into a line.
 */
import type { KlarnaOrderLine } from "../validation/order-line-rules"
import { invalidOrderLineData as invalid } from "./order-line-error"

function toSafe(n: bigint, what: string): number {
  const v = Number(n)
  if (!Number.isSafeInteger(v)) {
    throw invalid(`${what} is outside the supported range`)
  }
  return v === 0 ? 0 : v
}

/** ceil(a / b) for integers, b > 0. */
export function ceilDiv(a: number, b: number): number {
  const A = BigInt(a)
  const B = BigInt(b)
  const q = A / B // truncates toward zero
  return toSafe(A % B !== 0n && A > 0n ? q + 1n : q, "unit_price")
}

/**
 * VAT contained in a tax-inclusive integer amount at `taxRateBp` basis points:
 * round(total × rate / (10000 + rate)), half away from zero, exact.
 */
export function containedTax(totalAmount: number, taxRateBp: number): number {
  if (taxRateBp === 0 || totalAmount === 0) {
    return 0
  }
  const neg = totalAmount < 0
  const num = BigInt(Math.abs(totalAmount)) * BigInt(taxRateBp)
  const den = BigInt(10000 + taxRateBp)
  const rounded = (2n * num + den) / (2n * den)
  return toSafe(neg ? -rounded : rounded, "total_tax_amount")
}

/** quantity × unit − total, the non-negative discount of a line. */
function discountOf(quantity: number, unit: number, total: number): number {
  return toSafe(BigInt(quantity) * BigInt(unit) - BigInt(total), "total_discount_amount")
}

/**
 * Fills unit_price / total_discount_amount / total_tax_amount for a line whose
 * quantity, total_amount and tax_rate are set, keeping unit_price at least
 * ceil(original / quantity) and the discount non-negative.
 */
export function priceLine(line: KlarnaOrderLine, originalMinor: number): void {
  const q = line.quantity
  const total = line.total_amount
  if (q === 0) {
    // only reachable for zero-amount lines
    line.unit_price = 0
    line.total_discount_amount = 0
  } else {
    const unit = ceilDiv(Math.max(originalMinor, total), q)
    line.unit_price = unit
    line.total_discount_amount = discountOf(q, unit, total)
  }
  line.total_tax_amount = containedTax(total, line.tax_rate ?? 0)
}

/** Moves `delta` minor units into a line (a positive delta raises its total). */
export function adjustLine(line: KlarnaOrderLine, delta: number): void {
  const newTotal = line.total_amount + delta
  const q = line.quantity
  if (q === 0) {
    throw invalid("Cannot adjust a zero-quantity order line")
  }
  // keep the current unit price unless the new total no longer fits under it
  const unit = Math.max(line.unit_price, ceilDiv(newTotal, q))
  line.unit_price = unit
  line.total_amount = newTotal
  line.total_discount_amount = discountOf(q, unit, newTotal)
  line.total_tax_amount = containedTax(newTotal, line.tax_rate ?? 0)
}
