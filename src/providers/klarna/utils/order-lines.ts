/**
 * Builds Klarna order lines (Klarna Payments session/order, Order Management
 * update-authorization) from a normalised Medusa cart or order.
 *
 * All Klarna amounts are integer minor units; tax_rate is in basis points.
 * Every line satisfies Klarna's rules by construction (see
 * ../validation/order-line-rules.ts) and the result is validated once more
 * before it is returned.
 *
 * Rounding, in short:
 *  - each Medusa amount is converted exactly and rounded once, half away from
 *    zero, to the currency's minor unit (toMinorUnits);
 *  - unit_price = ceil(original_total / quantity) (raised further if total >
 *    original_total) so total_discount_amount = quantity × unit_price −
 *    total_amount is never negative and total_amount is exactly Medusa's total;
 *  - total_tax_amount = round_half_up(total_amount × tax_rate / (10000 + tax_rate)),
 *    i.e. the VAT contained in the line at its rate (always within Klarna's ±1);
 *  - the per-line rounding remainder (at most half a minor unit per line) is
 *    absorbed by the largest line so that order_amount equals the payment
 *    amount to the minor unit.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { KlarnaOrderLine, KlarnaOrderLineType, validateOrderAmounts } from "../validation/order-line-rules"
import { ROUND_HALF_UP, currencyExponent, formatMinorUnits, normalizeCurrency, toDecimal, toMinorUnits } from "./currency"

export interface LineSourceItem {
  id: string
  title: string
  /** sku */
  reference?: string | null
  quantity: BigNumberInput
  /** quantity × unit price incl. tax, before discounts */
  original_total: BigNumberInput
  /** incl. tax, after discounts */
  total: BigNumberInput
  /** tax after discounts */
  tax_total?: BigNumberInput
  /** tax before discounts */
  original_tax_total?: BigNumberInput
  /** percent, sum of the item's tax lines, e.g. 25 or 12.5 */
  tax_rate: number
  is_digital?: boolean
  product_url?: string | null
  image_url?: string | null
}

export interface LineSourceShipping {
  id: string
  name: string
  reference?: string | null
  original_total: BigNumberInput
  total: BigNumberInput
  tax_total?: BigNumberInput
  original_tax_total?: BigNumberInput
  tax_rate: number
}

export interface LineSourceCredit {
  id: string
  name: string
  /** positive, reduces the total */
  amount: BigNumberInput
  kind: "gift_card" | "store_credit"
}

export interface LineSourceSurcharge {
  id: string
  name: string
  /** incl. tax */
  total: BigNumberInput
  tax_rate: number
}

export interface KlarnaLineSource {
  currency_code: string
  purchase_country: string
  items: LineSourceItem[]
  shipping_methods?: LineSourceShipping[]
  credits?: LineSourceCredit[]
  surcharges?: LineSourceSurcharge[]
  /** the amount Klarna must be asked for, major units (e.g. the payment collection amount) */
  amount?: BigNumberInput
}

export interface KlarnaOrderAmounts {
  order_amount: number
  order_tax_amount: number
  order_lines: KlarnaOrderLine[]
}

export const KLARNA_MAX_TEXT = 255
export const KLARNA_MAX_URL = 1024

/** Line types that may absorb a rounding remainder. */
const ADJUSTABLE_TYPES: ReadonlySet<KlarnaOrderLineType> = new Set(["physical", "digital", "shipping_fee", "surcharge"])

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/* ------------------------------------------------------------------ */
/* integer helpers (exact, BigInt based)                               */
/* ------------------------------------------------------------------ */

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

/* ------------------------------------------------------------------ */
/* field helpers                                                        */
/* ------------------------------------------------------------------ */

/** Cuts to `max` UTF-16 units without leaving half a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) {
    return text
  }
  let cut = text.slice(0, max)
  const last = cut.charCodeAt(cut.length - 1)
  if (last >= 0xd800 && last <= 0xdbff) {
    cut = cut.slice(0, -1)
  }
  return cut
}

function cleanText(value: unknown): string {
  if (typeof value !== "string") {
    return ""
  }
  // control characters (tabs, newlines) become spaces; then trim
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim()
}

function lineName(value: unknown, fallback: string): string {
  const text = cleanText(value)
  const cut = truncate(text, KLARNA_MAX_TEXT).trim()
  return cut || fallback
}

function lineReference(reference: unknown, id: unknown): string | undefined {
  const ref = cleanText(reference) || cleanText(id)
  return ref ? truncate(ref, KLARNA_MAX_TEXT) : undefined
}

/** Absolute http(s) URL of at most 1024 characters, normalised, or undefined. */
export function klarnaUrl(value: unknown): string | undefined {
  if (typeof value !== "string") {
    return undefined
  }
  const text = value.trim()
  if (!text || text.length > KLARNA_MAX_URL * 3) {
    return undefined
  }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return undefined
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) {
    return undefined
  }
  const href = url.href
  return href.length <= KLARNA_MAX_URL ? href : undefined
}

/** Percent (25, 12.5) → basis points (2500, 1250), rounded half up; 0..10000. */
export function taxRateToBasisPoints(rate: number | null | undefined, what: string): number {
  if (rate === null || rate === undefined) {
    return 0
  }
  let dec
  try {
    dec = toDecimal(rate)
  } catch {
    throw invalid(`${what} has an invalid tax rate ${String(rate)}`)
  }
  const bp = dec.times(100).decimalPlaces(0, ROUND_HALF_UP).toNumber()
  if (!Number.isSafeInteger(bp) || bp < 0 || bp > 10000) {
    throw invalid(`${what} has an invalid tax rate ${String(rate)} % (Klarna accepts 0-100 %)`)
  }
  return bp === 0 ? 0 : bp
}

function quantityOf(item: LineSourceItem, what: string): number {
  let dec
  try {
    dec = toDecimal(item.quantity)
  } catch {
    throw invalid(`${what} has an invalid quantity ${String(item.quantity)}`)
  }
  if (!dec.isInteger()) {
    throw invalid(`${what} has the non-integer quantity ${dec.toString()}; Klarna only accepts whole quantities`)
  }
  if (dec.isNegative() && !dec.isZero()) {
    throw invalid(`${what} has the negative quantity ${dec.toString()}`)
  }
  const q = dec.toNumber()
  if (!Number.isSafeInteger(q)) {
    throw invalid(`${what} has an invalid quantity ${dec.toString()}`)
  }
  return q === 0 ? 0 : q
}

function minorOf(amount: BigNumberInput, currency: string, what: string): number {
  try {
    return toMinorUnits(amount, currency)
  } catch (e) {
    throw invalid(`${what}: ${(e as Error).message}`)
  }
}

/** minor(a − b), computed exactly before rounding once. */
function minorOfDifference(a: BigNumberInput, b: BigNumberInput | undefined | null, currency: string, what: string): number {
  if (b === undefined || b === null) {
    return minorOf(a, currency, what)
  }
  let diff
  try {
    diff = toDecimal(a).minus(toDecimal(b))
  } catch (e) {
    throw invalid(`${what}: ${(e as Error).message}`)
  }
  return minorOf(diff.toFixed(), currency, what)
}

/**
 * Fills unit_price / total_discount_amount / total_tax_amount for a line whose
 * quantity, total_amount and tax_rate are set, keeping unit_price at least
 * ceil(original / quantity) and the discount non-negative.
 */
function priceLine(line: KlarnaOrderLine, originalMinor: number): void {
  const q = line.quantity
  const total = line.total_amount
  if (q === 0) {
    // only reachable for zero-amount lines
    line.unit_price = 0
    line.total_discount_amount = 0
  } else {
    const unit = ceilDiv(Math.max(originalMinor, total), q)
    line.unit_price = unit
    line.total_discount_amount = toSafe(BigInt(q) * BigInt(unit) - BigInt(total), "total_discount_amount")
  }
  line.total_tax_amount = containedTax(total, line.tax_rate ?? 0)
}

/** Moves `delta` minor units into a line (a positive delta raises its total). */
function adjustLine(line: KlarnaOrderLine, delta: number): void {
  const newTotal = line.total_amount + delta
  const q = line.quantity
  if (q === 0) {
    throw invalid("Cannot adjust a zero-quantity order line")
  }
  // keep the current unit price unless the new total no longer fits under it
  const unit = Math.max(line.unit_price, ceilDiv(newTotal, q))
  line.unit_price = unit
  line.total_amount = newTotal
  line.total_discount_amount = toSafe(BigInt(q) * BigInt(unit) - BigInt(newTotal), "total_discount_amount")
  line.total_tax_amount = containedTax(newTotal, line.tax_rate ?? 0)
}

/* ------------------------------------------------------------------ */
/* builder                                                              */
/* ------------------------------------------------------------------ */

export function isSalesTaxCountry(purchaseCountry: string | null | undefined): boolean {
  return typeof purchaseCountry === "string" && purchaseCountry.trim().toUpperCase() === "US"
}

export function buildKlarnaOrderLines(source: KlarnaLineSource): KlarnaOrderAmounts {
  if (!source || typeof source !== "object") {
    throw invalid("Cannot build Klarna order lines: no cart or order was given")
  }
  const currency = normalizeCurrency(source.currency_code)
  currencyExponent(currency) // throws for an unknown currency
  const salesTax = isSalesTaxCountry(source.purchase_country)
  const lines: KlarnaOrderLine[] = []
  let salesTaxTotal = 0
  const fmt = (minor: number) => formatMinorUnits(minor, currency)

  /**
   * Product and shipping lines share the same arithmetic. In the sales-tax
   * model the amounts exclude tax and the tax goes to the sales_tax line.
   */
  const pushPriced = (args: {
    type: KlarnaOrderLineType
    what: string
    reference?: string
    name: string
    quantity: number
    original_total: BigNumberInput
    total: BigNumberInput
    tax_total?: BigNumberInput
    original_tax_total?: BigNumberInput
    tax_rate: number
    product_url?: string
    image_url?: string
  }) => {
    const inclTotal = minorOf(args.total, currency, `${args.what} total`)
    let total: number
    let original: number
    let taxRateBp: number
    if (salesTax) {
      const tax = args.tax_total ?? 0
      total = minorOfDifference(args.total, tax, currency, `${args.what} total excluding tax`)
      original = minorOfDifference(
        args.original_total,
        args.original_tax_total ?? args.tax_total ?? 0,
        currency,
        `${args.what} original total excluding tax`
      )
      taxRateBp = 0
      // the line's tax = its rounded tax-inclusive total − its rounded net total,
      // so Σ net + sales tax == Σ rounded gross, exactly as in the VAT model
      salesTaxTotal += inclTotal - total
    } else {
      total = inclTotal
      original = minorOf(args.original_total, currency, `${args.what} original total`)
      taxRateBp = taxRateToBasisPoints(args.tax_rate, args.what)
    }
    if (args.quantity === 0) {
      if (total !== 0 || original !== 0) {
        throw invalid(`${args.what} has quantity 0 but a total of ${fmt(total)}`)
      }
      return // nothing to charge for
    }
    const line: KlarnaOrderLine = {
      type: args.type,
      ...(args.reference !== undefined ? { reference: args.reference } : {}),
      name: args.name,
      quantity: args.quantity,
      unit_price: 0,
      tax_rate: taxRateBp,
      total_amount: total,
      total_discount_amount: 0,
      total_tax_amount: 0,
    }
    priceLine(line, original)
    if (args.product_url) {
      line.product_url = args.product_url
    }
    if (args.image_url) {
      line.image_url = args.image_url
    }
    lines.push(line)
  }

  for (const [i, item] of (source.items ?? []).entries()) {
    const what = `Line item ${item?.id ?? i}`
    if (!item || typeof item !== "object") {
      throw invalid(`${what} is not an object`)
    }
    pushPriced({
      type: item.is_digital ? "digital" : "physical",
      what,
      reference: lineReference(item.reference, item.id),
      name: lineName(item.title, "Item"),
      quantity: quantityOf(item, what),
      original_total: item.original_total,
      total: item.total,
      tax_total: item.tax_total,
      original_tax_total: item.original_tax_total,
      tax_rate: item.tax_rate,
      product_url: klarnaUrl(item.product_url),
      image_url: klarnaUrl(item.image_url),
    })
  }

  for (const [i, method] of (source.shipping_methods ?? []).entries()) {
    const what = `Shipping method ${method?.id ?? i}`
    if (!method || typeof method !== "object") {
      throw invalid(`${what} is not an object`)
    }
    pushPriced({
      type: "shipping_fee",
      what,
      reference: lineReference(method.reference, method.id),
      name: lineName(method.name, "Shipping"),
      quantity: 1,
      original_total: method.original_total,
      total: method.total,
      tax_total: method.tax_total,
      original_tax_total: method.original_tax_total,
      tax_rate: method.tax_rate,
    })
  }

  for (const [i, surcharge] of (source.surcharges ?? []).entries()) {
    const what = `Surcharge ${surcharge?.id ?? i}`
    if (!surcharge || typeof surcharge !== "object") {
      throw invalid(`${what} is not an object`)
    }
    const incl = minorOf(surcharge.total, currency, `${what} total`)
    const bp = taxRateToBasisPoints(surcharge.tax_rate, what)
    let total = incl
    let rate = bp
    if (salesTax) {
      const tax = containedTax(incl, bp)
      total = incl - tax
      rate = 0
      salesTaxTotal += tax
    }
    const reference = lineReference(undefined, surcharge.id)
    const line: KlarnaOrderLine = {
      type: "surcharge",
      ...(reference !== undefined ? { reference } : {}),
      name: lineName(surcharge.name, "Surcharge"),
      quantity: 1,
      unit_price: total,
      tax_rate: rate,
      total_amount: total,
      total_discount_amount: 0,
      total_tax_amount: containedTax(total, rate),
    }
    lines.push(line)
  }

  for (const [i, credit] of (source.credits ?? []).entries()) {
    const what = `Credit ${credit?.id ?? i}`
    if (!credit || typeof credit !== "object") {
      throw invalid(`${what} is not an object`)
    }
    const kind = credit.kind === "store_credit" ? "store_credit" : credit.kind === "gift_card" ? "gift_card" : undefined
    if (!kind) {
      throw invalid(`${what} has an unknown kind ${JSON.stringify(credit.kind)} (expected gift_card or store_credit)`)
    }
    const amount = minorOf(credit.amount, currency, `${what} amount`)
    if (amount < 0) {
      throw invalid(`${what} has a negative amount ${fmt(amount)}; credits must be positive`)
    }
    if (amount === 0) {
      continue
    }
    const reference = lineReference(undefined, credit.id)
    lines.push({
      type: kind,
      ...(reference !== undefined ? { reference } : {}),
      name: lineName(credit.name, kind === "gift_card" ? "Gift card" : "Store credit"),
      quantity: 1,
      unit_price: -amount,
      tax_rate: 0,
      total_amount: -amount,
      total_tax_amount: 0,
    })
  }

  if (lines.length === 0) {
    throw invalid("Cannot create a Klarna order without order lines: the cart has no items to pay for")
  }

  if (salesTax) {
    if (salesTaxTotal < 0) {
      throw invalid(`The sales tax of the cart is negative (${fmt(salesTaxTotal)}); Klarna cannot accept it`)
    }
    if (salesTaxTotal > 0) {
      lines.push({
        type: "sales_tax",
        name: "Sales Tax",
        quantity: 1,
        unit_price: salesTaxTotal,
        total_amount: salesTaxTotal,
        tax_rate: 0,
        total_tax_amount: 0,
      })
    }
  }

  let orderAmount = lines.reduce((s, l) => s + l.total_amount, 0)

  if (source.amount !== undefined && source.amount !== null) {
    const target = minorOf(source.amount, currency, "Payment amount")
    const diff = target - orderAmount
    if (diff !== 0) {
      if (Math.abs(diff) > lines.length) {
        throw invalid(
          `The Klarna order lines add up to ${fmt(orderAmount)} but the payment amount is ${fmt(target)}. Refresh the cart and try again.`
        )
      }
      let absorber: KlarnaOrderLine | undefined
      for (const line of lines) {
        if (line.type && ADJUSTABLE_TYPES.has(line.type) && line.quantity > 0 && (!absorber || line.total_amount > absorber.total_amount)) {
          absorber = line
        }
      }
      if (!absorber) {
        throw invalid(
          `The Klarna order lines add up to ${fmt(orderAmount)} but the payment amount is ${fmt(target)}, and no line can absorb the difference. Refresh the cart and try again.`
        )
      }
      adjustLine(absorber, diff)
      orderAmount = lines.reduce((s, l) => s + l.total_amount, 0)
    }
  }

  if (orderAmount < 0) {
    throw invalid(`The Klarna order amount would be negative (${fmt(orderAmount)}): the credits exceed the order total`)
  }

  const orderTaxAmount = salesTax ? salesTaxTotal : lines.reduce((s, l) => s + (l.total_tax_amount ?? 0), 0)

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
