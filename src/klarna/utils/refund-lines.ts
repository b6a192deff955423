/**
 * Pure builders for the `order_lines` of a Klarna Order Management refund
 * (`POST /ordermanagement/v1/orders/{id}/refunds`).
 *
 * - Good-will refunds (an amount not tied to articles): either refused when the
 *   order mixes VAT rates (the WooCommerce legacy rule) or split into one line
 *   per VAT rate in proportion to what was captured at each rate (the legacy
 *   Klarna `returnAmount` practice: one VAT rate per credit row).
 * - Item refunds: captured lines are reused by `reference` so Klarna allocates
 *   the refund to the right capture; optional shipping and a negative
 *   `return_fee` line (AT, DE, DK, FI, FR, NL, NO, SE only).
 *
 * All amounts are integer minor units, tax rates basis points (2500 = 25 %).
 * Money is never computed with floats: every product/quotient goes through
 * BigInt. Every produced line passes `validateOrderLine`.
 */
import { MedusaError } from "@medusajs/framework/utils"
import {
  BASIS_POINTS_PER_PERCENT,
  basisPointsToPercent,
  KLARNA_MAX_AMOUNT,
  KlarnaOrderLine,
  KlarnaOrderLineType,
  validateOrderLine,
} from "../validation/order-line-rules"
import { formatMinorUnits, normalizeCurrency } from "./currency"

/* ------------------------------------------------------------------ */
/* constants                                                           */
/* ------------------------------------------------------------------ */

/** Markets where Klarna accepts a `return_fee` refund line. */
export const RETURN_FEE_COUNTRIES: readonly string[] = ["AT", "DE", "DK", "FI", "FR", "NL", "NO", "SE"]

export const SINGLE_RATE_GOODWILL_MESSAGE = "Partial good-will refund is not possible for orders with items at different VAT rates"

export const RETURN_FEE_COUNTRY_MESSAGE = "A return fee can only be sent to Klarna for orders from AT, DE, DK, FI, FR, NL, NO or SE"

export const GOODWILL_REFERENCE_PREFIX = "goodwill-"
export const RETURN_FEE_REFERENCE = "return-fee"
export const RETURN_FEE_NAME = "Return fee"

/** Captured line types that are never "returned items". */
const NON_ITEM_TYPES: ReadonlySet<KlarnaOrderLineType> = new Set<KlarnaOrderLineType>([
  "shipping_fee",
  "sales_tax",
  "return_fee",
  "discount",
])

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
const notAllowed = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)

/* ------------------------------------------------------------------ */
/* exact integer helpers                                               */
/* ------------------------------------------------------------------ */

function toSafe(n: bigint, what: string): number {
  const v = Number(n)
  if (!Number.isSafeInteger(v)) {
    throw invalid(`${what} is outside the supported range`)
  }
  return v === 0 ? 0 : v // never -0
}

/** round(num / den) half away from zero; den > 0. */
function roundHalfUpDiv(num: bigint, den: bigint): bigint {
  const abs = num < 0n ? -num : num
  const q = (2n * abs + den) / (2n * den)
  return num < 0n ? -q : q
}

/** ceil(num / den); den > 0. */
function ceilDiv(num: bigint, den: bigint): bigint {
  const q = num / den // truncates toward zero
  return num % den !== 0n && num > 0n ? q + 1n : q
}

/**
 * VAT contained in a tax-inclusive amount: round_half_up(total × rate / (10000 + rate)),
 * half away from zero for negative totals (so a negative line's tax mirrors the positive one).
 */
export function taxIncluded(totalAmount: number, taxRate: number): number {
  if (!taxRate || !totalAmount) {
    return 0
  }
  return toSafe(roundHalfUpDiv(BigInt(totalAmount) * BigInt(taxRate), BigInt(10000 + taxRate)), "total_tax_amount")
}

/**
 * Largest-remainder allocation of `amount` over non-negative integer `weights`:
 * share_i = floor(amount × w_i / W), then the leftover units go one each to the
 * largest remainders (ties: larger weight, then earlier index). The shares sum
 * exactly to `amount` and each differs from amount × w_i / W by less than 1.
 * Returns all zeros when W = 0.
 */
export function allocateProportionally(amount: number, weights: number[]): number[] {
  const A = BigInt(amount)
  const W = weights.reduce((s, w) => s + BigInt(w), 0n)
  if (W <= 0n) {
    return weights.map(() => 0)
  }
  const parts = weights.map((w, index) => {
    const num = A * BigInt(w)
    return { index, weight: BigInt(w), share: num / W, remainder: num % W }
  })
  let leftover = A - parts.reduce((s, p) => s + p.share, 0n)
  const order = [...parts].sort((a, b) =>
    a.remainder !== b.remainder
      ? a.remainder > b.remainder
        ? -1
        : 1
      : a.weight !== b.weight
        ? a.weight > b.weight
          ? -1
          : 1
        : a.index - b.index
  )
  for (const p of order) {
    if (leftover <= 0n) {
      break
    }
    p.share += 1n
    leftover -= 1n
  }
  return parts.map((p) => toSafe(p.share, "refund share"))
}

function assertAmount(amount: unknown, what: string, opts: { allowZero?: boolean } = {}): asserts amount is number {
  if (
    typeof amount !== "number" ||
    !Number.isSafeInteger(amount) ||
    amount < 0 ||
    (amount === 0 && !opts.allowZero) ||
    amount > KLARNA_MAX_AMOUNT
  ) {
    throw invalid(
      `${what} must be a ${opts.allowZero ? "non-negative" : "positive"} integer amount in minor units (at most ${KLARNA_MAX_AMOUNT}), got ${String(amount)}`
    )
  }
}

function assertTaxRate(rate: unknown, what: string): asserts rate is number {
  if (typeof rate !== "number" || !Number.isSafeInteger(rate) || rate < 0 || rate > 10000) {
    throw invalid(`${what} must be an integer between 0 and 10000 basis points, got ${String(rate)}`)
  }
}

/** Throws INVALID_DATA if a produced line breaks Klarna's line arithmetic (defensive; should never happen). */
function assertValidLines(lines: KlarnaOrderLine[]): void {
  lines.forEach((line, i) => {
    const violations = validateOrderLine(line, i)
    if (violations.length) {
      throw invalid(`Refund line "${line.name}" is not valid for Klarna: ${violations.map((v) => `${v.field}: ${v.message}`).join("; ")}`)
    }
  })
}

/* ------------------------------------------------------------------ */
/* formatting                                                          */
/* ------------------------------------------------------------------ */

/** Basis points → percentage with a comma decimal: 2500 → "25", 750 → "7,5", 1234 → "12,34", 5 → "0,05". */
export function formatTaxRate(taxRate: number): string {
  const whole = Math.trunc(basisPointsToPercent(taxRate))
  const frac = Math.abs(taxRate % BASIS_POINTS_PER_PERCENT)
  if (frac === 0) {
    return String(whole)
  }
  return `${whole},${String(frac).padStart(2, "0").replace(/0+$/, "")}`
}

/* ------------------------------------------------------------------ */
/* VAT breakdown                                                       */
/* ------------------------------------------------------------------ */

export interface VatShare {
  tax_rate: number
  amount: number
}

/**
 * Net captured amount per tax rate: Σ total_amount grouped by `tax_rate ?? 0`
 * (discount / gift-card lines reduce their rate; `sales_tax` lines excluded).
 * Rates whose net is ≤ 0 are dropped; sorted by tax_rate descending.
 */
export function vatBreakdown(lines: KlarnaOrderLine[]): VatShare[] {
  const byRate = new Map<number, bigint>()
  for (const line of lines) {
    if (line.type === "sales_tax") {
      continue
    }
    const rate = line.tax_rate ?? 0
    byRate.set(rate, (byRate.get(rate) ?? 0n) + BigInt(line.total_amount))
  }
  return [...byRate.entries()]
    .filter(([, amount]) => amount > 0n)
    .sort(([a], [b]) => b - a)
    .map(([tax_rate, amount]) => ({ tax_rate, amount: toSafe(amount, "captured amount") }))
}

/* ------------------------------------------------------------------ */
/* good-will refunds                                                   */
/* ------------------------------------------------------------------ */

export type GoodwillPolicy = "split_by_rate" | "single_rate_only"

export interface GoodwillRefundInput {
  /** Refund amount in minor units (> 0). */
  amount: number
  currency: string
  /** Lines of the captures being refunded against. */
  captured_lines: KlarnaOrderLine[]
  policy: GoodwillPolicy
}

/** One good-will line of `total` minor units at `taxRate` basis points. */
export function goodwillLine(total: number, taxRate: number): KlarnaOrderLine {
  return {
    type: "physical",
    reference: `${GOODWILL_REFERENCE_PREFIX}${taxRate}`,
    name: `Good-will refund (${formatTaxRate(taxRate)} % VAT)`,
    quantity: 1,
    unit_price: total,
    total_amount: total,
    total_discount_amount: 0,
    tax_rate: taxRate,
    total_tax_amount: taxIncluded(total, taxRate),
  }
}

/**
 * Refund lines for a good-will amount.
 * - `single_rate_only`: every positive captured line (sales_tax ignored) must share one
 *   tax rate, else NOT_ALLOWED; one line at that rate (0 % if nothing positive was captured).
 * - `split_by_rate`: one line per rate of `vatBreakdown`, shares proportional to each
 *   rate's net captured amount (largest remainder, exact integers), summing exactly to
 *   `amount`; zero shares omitted; a single 0 % line when the breakdown is empty.
 */
export function buildGoodwillRefundLines(input: GoodwillRefundInput): KlarnaOrderLine[] {
  const { amount, captured_lines: captured, policy } = input
  assertAmount(amount, "The good-will refund amount")
  normalizeCurrency(input.currency)
  if (!Array.isArray(captured)) {
    throw invalid("captured_lines must be an array of Klarna order lines")
  }

  let lines: KlarnaOrderLine[]
  if (policy === "single_rate_only") {
    const rates = new Set(
      captured.filter((l) => l.type !== "sales_tax" && l.total_amount > 0).map((l) => l.tax_rate ?? 0)
    )
    if (rates.size > 1) {
      throw notAllowed(SINGLE_RATE_GOODWILL_MESSAGE)
    }
    const [rate = 0] = [...rates]
    lines = [goodwillLine(amount, rate)]
  } else if (policy === "split_by_rate") {
    const breakdown = vatBreakdown(captured)
    if (!breakdown.length) {
      lines = [goodwillLine(amount, 0)]
    } else {
      const shares = allocateProportionally(
        amount,
        breakdown.map((b) => b.amount)
      )
      lines = breakdown.flatMap((b, i) => (shares[i] > 0 ? [goodwillLine(shares[i], b.tax_rate)] : []))
    }
  } else {
    throw invalid(`Unknown good-will refund policy ${JSON.stringify(policy)}`)
  }
  assertValidLines(lines)
  return lines
}

/**
 * Short text for the event log: "good-will, 25 % VAT" (one line) or
 * "good-will, 25 % VAT 150,00 SEK + 12 % VAT 49,00 SEK" (several).
 */
export function describeGoodwillSplit(lines: KlarnaOrderLine[], currency: string): string {
  if (!lines.length) {
    return "good-will"
  }
  const label = (l: KlarnaOrderLine) => `${formatTaxRate(l.tax_rate ?? 0)} % VAT`
  if (lines.length === 1) {
    return `good-will, ${label(lines[0])}`
  }
  return `good-will, ${lines.map((l) => `${label(l)} ${formatMinorUnits(l.total_amount, currency)}`).join(" + ")}`
}

/* ------------------------------------------------------------------ */
/* item refunds                                                        */
/* ------------------------------------------------------------------ */

export type ShippingRefund = "none" | "full" | { amount: number }

export interface ItemRefundInput {
  currency: string
  /** Lines of the captures being refunded against. */
  captured_lines: KlarnaOrderLine[]
  /** Returned items, matched to captured lines by `reference`. */
  items: Array<{ reference: string; quantity: number }>
  shipping?: ShippingRefund
  /** Return fee kept by the merchant (positive minor units) and its VAT rate. */
  return_fee?: { amount: number; tax_rate: number }
  /** Klarna `purchase_country` (ISO 3166-1 alpha-2), needed for a return fee. */
  purchase_country?: string
}

export interface ItemRefundLines {
  order_lines: KlarnaOrderLine[]
  /** Σ total_amount of `order_lines`, exactly. */
  refunded_amount: number
}

/** The refund-relevant fields of a captured line (no urls / merchant_data). */
function baseOf(line: KlarnaOrderLine): Pick<KlarnaOrderLine, "type" | "reference" | "name" | "quantity_unit"> {
  return {
    ...(line.type !== undefined ? { type: line.type } : {}),
    ...(line.reference !== undefined ? { reference: line.reference } : {}),
    name: line.name,
    ...(line.quantity_unit !== undefined ? { quantity_unit: line.quantity_unit } : {}),
  }
}

/** A captured line returned in full: same amounts (and the captured VAT, when present). */
function fullLine(line: KlarnaOrderLine): KlarnaOrderLine {
  const out: KlarnaOrderLine = {
    ...baseOf(line),
    quantity: line.quantity,
    unit_price: line.unit_price,
    total_amount: line.total_amount,
    total_discount_amount: line.total_discount_amount ?? 0,
  }
  if (line.tax_rate !== undefined) {
    out.tax_rate = line.tax_rate
    out.total_tax_amount = line.total_tax_amount ?? taxIncluded(line.total_amount, line.tax_rate)
  } else if (line.total_tax_amount !== undefined) {
    out.total_tax_amount = line.total_tax_amount
  }
  return out
}

/**
 * `q` of a captured line's `Q` units: total = round_half_up(total_amount × q / Q)
 * (exactly the captured total when q = Q), unit_price kept, discount = q × unit − total
 * (falls back to unit_price = ceil(total / q) if that would be negative), VAT recomputed.
 */
export function partialLine(line: KlarnaOrderLine, q: number): KlarnaOrderLine {
  const Q = line.quantity
  if (!Number.isSafeInteger(q) || q <= 0 || q > Q) {
    throw invalid(`Cannot refund ${q} of ${Q} × ${line.reference ?? line.name}`)
  }
  if (q === Q) {
    return fullLine(line)
  }
  const total = roundHalfUpDiv(BigInt(line.total_amount) * BigInt(q), BigInt(Q))
  let unit = BigInt(line.unit_price)
  let discount = BigInt(q) * unit - total
  if (discount < 0n) {
    unit = ceilDiv(total, BigInt(q))
    discount = BigInt(q) * unit - total
  }
  const totalAmount = toSafe(total, "total_amount")
  const out: KlarnaOrderLine = {
    ...baseOf(line),
    quantity: q,
    unit_price: toSafe(unit, "unit_price"),
    total_amount: totalAmount,
    total_discount_amount: toSafe(discount, "total_discount_amount"),
  }
  if (line.tax_rate !== undefined) {
    out.tax_rate = line.tax_rate
    out.total_tax_amount = taxIncluded(totalAmount, line.tax_rate)
  }
  return out
}

const isItemLine = (l: KlarnaOrderLine) => !NON_ITEM_TYPES.has((l.type ?? "physical") as KlarnaOrderLineType)

/** Lines for the returned items; quantities of one reference are taken from its captured lines in order. */
function itemLines(captured: KlarnaOrderLine[], items: ItemRefundInput["items"]): KlarnaOrderLine[] {
  if (!Array.isArray(items)) {
    throw invalid("items must be an array of { reference, quantity }")
  }
  // merge repeated references so an over-return across duplicates is caught
  const wanted = new Map<string, number>()
  for (const item of items) {
    const reference = item?.reference
    if (typeof reference !== "string" || !reference) {
      throw invalid("Every returned item needs the reference of a captured Klarna order line")
    }
    if (!Number.isSafeInteger(item.quantity) || item.quantity <= 0) {
      throw invalid(`Returned quantity for "${reference}" must be a positive integer, got ${String(item.quantity)}`)
    }
    wanted.set(reference, (wanted.get(reference) ?? 0) + item.quantity)
  }

  const out: KlarnaOrderLine[] = []
  for (const [reference, quantity] of wanted) {
    const matches = captured.filter((l) => l.reference === reference && isItemLine(l) && l.quantity > 0)
    if (!matches.length) {
      const other = captured.find((l) => l.reference === reference)
      throw invalid(
        other
          ? `"${reference}" is a captured ${other.type ?? "physical"} line, not a returnable item`
          : `No captured Klarna order line has the reference "${reference}"`
      )
    }
    const available = matches.reduce((s, l) => s + l.quantity, 0)
    if (quantity > available) {
      throw invalid(`Cannot refund ${quantity} × "${reference}": only ${available} captured`)
    }
    let left = quantity
    for (const line of matches) {
      if (left === 0) {
        break
      }
      const q = Math.min(left, line.quantity)
      out.push(partialLine(line, q))
      left -= q
    }
  }
  return out
}

/** Shipping lines: every captured shipping line ("full"), or `amount` split over them in proportion. */
function shippingLines(captured: KlarnaOrderLine[], shipping: ShippingRefund | undefined, currency: string): KlarnaOrderLine[] {
  if (shipping === undefined || shipping === "none") {
    return []
  }
  const shippingCaptured = captured.filter((l) => l.type === "shipping_fee")
  if (shipping === "full") {
    return shippingCaptured.map(fullLine)
  }
  if (typeof shipping !== "object" || shipping === null) {
    throw invalid(`Unknown shipping refund ${JSON.stringify(shipping)}`)
  }
  assertAmount(shipping.amount, "The shipping refund amount", { allowZero: true })
  if (shipping.amount === 0) {
    return []
  }
  const positive = shippingCaptured.filter((l) => l.total_amount > 0)
  const capturedShipping = positive.reduce((s, l) => s + l.total_amount, 0)
  if (!positive.length) {
    throw invalid("No shipping was captured for this order, so none can be refunded")
  }
  if (shipping.amount > capturedShipping) {
    throw invalid(
      `Cannot refund ${formatMinorUnits(shipping.amount, currency)} of shipping: only ${formatMinorUnits(capturedShipping, currency)} was captured`
    )
  }
  if (shipping.amount === capturedShipping) {
    return positive.map(fullLine)
  }
  const shares = allocateProportionally(
    shipping.amount,
    positive.map((l) => l.total_amount)
  )
  return positive.flatMap((line, i) => {
    const total = shares[i]
    if (total <= 0) {
      return []
    }
    const rate = line.tax_rate
    return [
      {
        ...baseOf(line),
        quantity: 1,
        unit_price: total,
        total_amount: total,
        total_discount_amount: 0,
        ...(rate !== undefined ? { tax_rate: rate, total_tax_amount: taxIncluded(total, rate) } : {}),
      },
    ]
  })
}

/** The negative `return_fee` line for a fee of `amount` minor units at `taxRate`. */
export function returnFeeLine(amount: number, taxRate: number): KlarnaOrderLine {
  return {
    type: "return_fee",
    reference: RETURN_FEE_REFERENCE,
    name: RETURN_FEE_NAME,
    quantity: 1,
    unit_price: -amount,
    total_amount: -amount,
    total_discount_amount: 0,
    tax_rate: taxRate,
    total_tax_amount: -taxIncluded(amount, taxRate),
  }
}

/** True when Klarna accepts a return fee for this purchase country. */
export function returnFeeAllowed(purchaseCountry: string | null | undefined): boolean {
  return typeof purchaseCountry === "string" && RETURN_FEE_COUNTRIES.includes(purchaseCountry.trim().toUpperCase())
}

/**
 * Refund lines for returned items (+ optional shipping and return fee), reusing the
 * captured lines' references. `refunded_amount` is exactly Σ total_amount of the lines.
 */
export function buildItemRefundLines(input: ItemRefundInput): ItemRefundLines {
  const currency = normalizeCurrency(input.currency)
  const captured = input.captured_lines
  if (!Array.isArray(captured)) {
    throw invalid("captured_lines must be an array of Klarna order lines")
  }

  const items = itemLines(captured, input.items ?? [])
  const shipping = shippingLines(captured, input.shipping, currency)
  const lines = [...items, ...shipping]

  if (input.return_fee !== undefined && input.return_fee !== null) {
    if (!returnFeeAllowed(input.purchase_country)) {
      throw notAllowed(RETURN_FEE_COUNTRY_MESSAGE)
    }
    const { amount, tax_rate } = input.return_fee
    assertAmount(amount, "The return fee")
    assertTaxRate(tax_rate, "The return fee tax rate")
    const itemsTotal = items.reduce((s, l) => s + l.total_amount, 0)
    if (amount >= itemsTotal) {
      throw invalid(
        `The return fee (${formatMinorUnits(amount, currency)}) must be smaller than the refunded items (${formatMinorUnits(itemsTotal, currency)})`
      )
    }
    lines.push(returnFeeLine(amount, tax_rate))
  }

  if (!lines.length) {
    throw invalid("Nothing to refund: no items or shipping were selected")
  }
  const refunded = lines.reduce((s, l) => s + BigInt(l.total_amount), 0n)
  if (refunded <= 0n) {
    throw invalid(`The refund must be a positive amount, got ${formatMinorUnits(toSafe(refunded, "refunded_amount"), currency)}`)
  }
  assertValidLines(lines)
  return { order_lines: lines, refunded_amount: toSafe(refunded, "refunded_amount") }
}

/**
 * Short text for the event log: "items: 1 × Klarna T-shirt, shipping" (plus ", return fee").
 * Quantities of the same reference/name are added up.
 */
export function describeItemRefund(lines: KlarnaOrderLine[]): string {
  const items = new Map<string, { name: string; quantity: number }>()
  let shipping = false
  let returnFee = false
  for (const line of lines) {
    if (line.type === "shipping_fee") {
      shipping = true
    } else if (line.type === "return_fee") {
      returnFee = true
    } else {
      const key = `${line.reference ?? ""}\u0000${line.name}`
      const entry = items.get(key)
      if (entry) {
        entry.quantity += line.quantity
      } else {
        items.set(key, { name: line.name, quantity: line.quantity })
      }
    }
  }
  const parts = [...items.values()].map((i) => `${i.quantity} × ${i.name}`)
  if (shipping) {
    parts.push("shipping")
  }
  if (returnFee) {
    parts.push("return fee")
  }
  if (!parts.length) {
    return "items"
  }
  return items.size ? `items: ${parts.join(", ")}` : parts.join(", ")
}
