/**
 * What the Klarna order-line builder reads: a normalised Medusa cart or order
 * (see src/klarna/medusa/cart-line-source.ts), and the checked values
 * taken from it — minor-unit amounts, whole quantities, tax rates in basis
 * points and the tax model of the purchase country.
 */
import type { BigNumberInput } from "@medusajs/framework/types"
import { ROUND_HALF_UP, toDecimal, toMinorUnits } from "./currency"
import { invalidOrderLineData as invalid } from "./order-line-error"

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

/** US purchases use the sales-tax model: net lines plus one sales_tax line. */
export function isSalesTaxCountry(purchaseCountry: string | null | undefined): boolean {
  return typeof purchaseCountry === "string" && purchaseCountry.trim().toUpperCase() === "US"
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

/** The item's quantity as a safe, non-negative whole number. */
export function quantityOf(item: LineSourceItem, what: string): number {
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

/** A major-unit amount in minor units; the error names `what`. */
export function minorOf(amount: BigNumberInput, currency: string, what: string): number {
  try {
    return toMinorUnits(amount, currency)
  } catch (e) {
    throw invalid(`${what}: ${(e as Error).message}`)
  }
}

/** minor(a − b), computed exactly before rounding once. */
export function minorOfDifference(a: BigNumberInput, b: BigNumberInput | undefined | null, currency: string, what: string): number {
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
