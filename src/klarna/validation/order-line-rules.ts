/**
 * Klarna's order-line arithmetic rules, as Klarna Payments, Checkout and Order
 * Management enforce them. Shared by the payload builders (to refuse a payload
 * before it leaves Medusa), the property tests and the local Klarna simulator.
 *
 * All amounts are integer minor units; tax_rate is in basis points (2500 = 25 %).
 */

export const KLARNA_ORDER_LINE_TYPES = [
  "physical",
  "discount",
  "shipping_fee",
  "sales_tax",
  "digital",
  "gift_card",
  "store_credit",
  "surcharge",
  "return_fee",
] as const

export type KlarnaOrderLineType = (typeof KLARNA_ORDER_LINE_TYPES)[number]

export interface KlarnaOrderLine {
  type?: KlarnaOrderLineType
  reference?: string
  name: string
  quantity: number
  quantity_unit?: string
  unit_price: number
  tax_rate?: number
  total_amount: number
  total_discount_amount?: number
  total_tax_amount?: number
  merchant_data?: string
  product_url?: string
  image_url?: string
}

export interface OrderLineViolation {
  /** Klarna's field path, e.g. `order_lines[2].total_tax_amount`. */
  field: string
  message: string
}

/** Klarna's `tax_rate` is in basis points: 2500 = 25 %. (A rate, never money.) */
export const BASIS_POINTS_PER_PERCENT = 100

/** Basis points → percent: 2500 → 25, 1250 → 12.5. */
export const basisPointsToPercent = (basisPoints: number): number => basisPoints / BASIS_POINTS_PER_PERCENT

/** Largest amount Klarna accepts in one field (minor units). */
export const KLARNA_MAX_AMOUNT = 200_000_000
export const KLARNA_MAX_ORDER_LINES = 1000

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v)

/**
 * Tax Klarna expects on a line: total_amount - total_amount * 10000 / (10000 + tax_rate),
 * i.e. the VAT contained in a tax-inclusive total. Returned unrounded as a fraction
 * numerator/denominator so the ±1 comparison stays exact.
 */
function expectedTaxDiff(line: KlarnaOrderLine): { num: number; den: number } {
  const rate = line.tax_rate ?? 0
  // tax = total * rate / (10000 + rate)
  return { num: line.total_amount * rate, den: 10000 + rate }
}

export function validateOrderLine(line: KlarnaOrderLine, index: number): OrderLineViolation[] {
  const at = (f: string) => `order_lines[${index}].${f}`
  const out: OrderLineViolation[] = []
  if (!line || typeof line !== "object") {
    return [{ field: `order_lines[${index}]`, message: "order line must be an object" }]
  }
  if (typeof line.name !== "string" || line.name.length < 1 || line.name.length > 255) {
    out.push({ field: at("name"), message: "name is required (1-255 characters)" })
  }
  if (line.type !== undefined && !KLARNA_ORDER_LINE_TYPES.includes(line.type)) {
    out.push({ field: at("type"), message: `unknown order line type ${String(line.type)}` })
  }
  if (line.reference !== undefined && (typeof line.reference !== "string" || line.reference.length > 255)) {
    out.push({ field: at("reference"), message: "reference must be at most 255 characters" })
  }
  if (!isInt(line.quantity) || line.quantity < 0) {
    out.push({ field: at("quantity"), message: "quantity must be a non-negative integer" })
  }
  for (const f of ["unit_price", "total_amount"] as const) {
    if (!isInt(line[f]) || Math.abs(line[f]) > KLARNA_MAX_AMOUNT) {
      out.push({ field: at(f), message: `${f} must be an integer amount in minor units` })
    }
  }
  if (line.total_discount_amount !== undefined && (!isInt(line.total_discount_amount) || line.total_discount_amount < 0)) {
    out.push({ field: at("total_discount_amount"), message: "total_discount_amount must be a non-negative integer" })
  }
  if (line.tax_rate !== undefined && (!isInt(line.tax_rate) || line.tax_rate < 0 || line.tax_rate > 10000)) {
    out.push({ field: at("tax_rate"), message: "tax_rate must be an integer between 0 and 10000 (basis points)" })
  }
  if (line.total_tax_amount !== undefined && !isInt(line.total_tax_amount)) {
    out.push({ field: at("total_tax_amount"), message: "total_tax_amount must be an integer" })
  }
  if (out.length) {
    return out
  }

  const discount = line.total_discount_amount ?? 0
  if (line.quantity * line.unit_price - discount !== line.total_amount) {
    out.push({
      field: at("total_amount"),
      message: `total_amount must equal quantity * unit_price - total_discount_amount (${line.quantity} * ${line.unit_price} - ${discount} = ${
        line.quantity * line.unit_price - discount
      }, got ${line.total_amount})`,
    })
  }
  if (line.total_tax_amount !== undefined) {
    const { num, den } = expectedTaxDiff(line)
    // |total_tax_amount - num/den| <= 1  <=>  |total_tax_amount*den - num| <= den
    if (Math.abs(line.total_tax_amount * den - num) > den) {
      out.push({
        field: at("total_tax_amount"),
        message: `total_tax_amount must be within 1 of total_amount * tax_rate / (10000 + tax_rate) (expected about ${(num / den).toFixed(
          2
        )}, got ${line.total_tax_amount})`,
      })
    }
  }
  return out
}

export interface OrderAmounts {
  order_amount: number
  order_tax_amount?: number
  order_lines: KlarnaOrderLine[]
}

/**
 * Validates a whole order: each line, then order_amount = Σ total_amount (exact)
 * and order_tax_amount = Σ total_tax_amount (within ± the number of lines).
 * For a US-style `sales_tax` order the order tax equals the sales-tax line.
 */
export function validateOrderAmounts(order: OrderAmounts): OrderLineViolation[] {
  const out: OrderLineViolation[] = []
  if (!Array.isArray(order.order_lines) || order.order_lines.length === 0) {
    return [{ field: "order_lines", message: "at least one order line is required" }]
  }
  if (order.order_lines.length > KLARNA_MAX_ORDER_LINES) {
    return [{ field: "order_lines", message: `at most ${KLARNA_MAX_ORDER_LINES} order lines are allowed` }]
  }
  order.order_lines.forEach((line, i) => out.push(...validateOrderLine(line, i)))
  if (!isInt(order.order_amount) || order.order_amount < 0 || order.order_amount > KLARNA_MAX_AMOUNT) {
    out.push({ field: "order_amount", message: "order_amount must be a non-negative integer in minor units" })
  }
  if (out.length) {
    return out
  }
  const sum = order.order_lines.reduce((s, l) => s + l.total_amount, 0)
  if (sum !== order.order_amount) {
    out.push({
      field: "order_amount",
      message: `order_amount must equal the sum of the order lines' total_amount (${sum}, got ${order.order_amount})`,
    })
  }
  if (order.order_tax_amount !== undefined) {
    if (!isInt(order.order_tax_amount) || order.order_tax_amount < 0) {
      out.push({ field: "order_tax_amount", message: "order_tax_amount must be a non-negative integer" })
      return out
    }
    const salesTax = order.order_lines.filter((l) => l.type === "sales_tax")
    const expected = salesTax.length
      ? salesTax.reduce((s, l) => s + l.total_amount, 0)
      : order.order_lines.reduce((s, l) => s + (l.total_tax_amount ?? 0), 0)
    const tolerance = salesTax.length ? 0 : order.order_lines.length
    if (Math.abs(order.order_tax_amount - expected) > tolerance) {
      out.push({
        field: "order_tax_amount",
        message: `order_tax_amount must equal the sum of the order lines' total_tax_amount (${expected}, got ${order.order_tax_amount})`,
      })
    }
  }
  return out
}
