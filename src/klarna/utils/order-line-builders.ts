/**
 * One Klarna order line per entry of a line source: products, shipping
 * methods, surcharges, credits, and the US sales_tax line. Each builder
 * returns its line (none for a zero entry) and the sales tax it moved out of
 * its amounts (US only).
 */
import type { BigNumberInput } from "@medusajs/framework/types"
import type { KlarnaOrderLine, KlarnaOrderLineType } from "../validation/order-line-rules"
import { currencyExponent, formatMinorUnits, normalizeCurrency } from "./currency"
import { invalidOrderLineData as invalid } from "./order-line-error"
import { containedTax, priceLine } from "./order-line-rounding"
import {
  KlarnaLineSource,
  LineSourceCredit,
  LineSourceItem,
  LineSourceShipping,
  LineSourceSurcharge,
  isSalesTaxCountry,
  minorOf,
  minorOfDifference,
  quantityOf,
  taxRateToBasisPoints,
} from "./order-line-sources"
import { klarnaUrl, lineName, lineReference } from "./order-line-text"

export interface LineContext {
  currency: string
  /** US sales-tax model: amounts exclude tax, the tax goes to the sales_tax line */
  salesTax: boolean
}

export interface BuiltLine {
  line?: KlarnaOrderLine
  /** sales tax taken out of the line's amounts, minor units (0 outside the US) */
  salesTax: number
}

export type LineBuilder<T> = (entry: T, index: number, ctx: LineContext) => BuiltLine

/** The currency (throws for an unknown one) and tax model of a source. */
export function lineContext(source: KlarnaLineSource): LineContext {
  const currency = normalizeCurrency(source.currency_code)
  currencyExponent(currency) // throws for an unknown currency
  return { currency, salesTax: isSalesTaxCountry(source.purchase_country) }
}

/** Runs `build` on every entry of `list`, in order (holes included). */
export function buildEach<T>(list: T[] | undefined, build: LineBuilder<T>, ctx: LineContext): BuiltLine[] {
  const built: BuiltLine[] = []
  for (const [i, entry] of (list ?? []).entries()) {
    built.push(build(entry, i, ctx))
  }
  return built
}

/** "Line item 7" etc.; throws unless the entry is an object. */
function entryLabel(entry: { id?: string } | null | undefined, kind: string, index: number): string {
  const what = `${kind} ${entry?.id ?? index}`
  if (!entry || typeof entry !== "object") {
    throw invalid(`${what} is not an object`)
  }
  return what
}

const optionalReference = (reference: string | undefined) => (reference !== undefined ? { reference } : {})

interface PricedLineArgs {
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
}

/**
 * Minor-unit totals of a product or shipping line. In the sales-tax model the
 * line's tax = its rounded tax-inclusive total − its rounded net total, so
 * Σ net + sales tax == Σ rounded gross, exactly as in the VAT model.
 */
function pricedAmounts(args: PricedLineArgs, ctx: LineContext) {
  const inclTotal = minorOf(args.total, ctx.currency, `${args.what} total`)
  if (!ctx.salesTax) {
    return {
      total: inclTotal,
      original: minorOf(args.original_total, ctx.currency, `${args.what} original total`),
      taxRateBp: taxRateToBasisPoints(args.tax_rate, args.what),
      salesTax: 0,
    }
  }
  const total = minorOfDifference(args.total, args.tax_total ?? 0, ctx.currency, `${args.what} total excluding tax`)
  const original = minorOfDifference(
    args.original_total,
    args.original_tax_total ?? args.tax_total ?? 0,
    ctx.currency,
    `${args.what} original total excluding tax`
  )
  return { total, original, taxRateBp: 0, salesTax: inclTotal - total }
}

/** Product and shipping lines share the same arithmetic. */
function pricedLine(args: PricedLineArgs, ctx: LineContext): BuiltLine {
  const { total, original, taxRateBp, salesTax } = pricedAmounts(args, ctx)
  if (args.quantity === 0) {
    if (total !== 0 || original !== 0) {
      throw invalid(`${args.what} has quantity 0 but a total of ${formatMinorUnits(total, ctx.currency)}`)
    }
    return { salesTax } // nothing to charge for
  }
  const line: KlarnaOrderLine = {
    type: args.type,
    ...optionalReference(args.reference),
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
  return { line, salesTax }
}

export const itemLine: LineBuilder<LineSourceItem> = (item, index, ctx) => {
  const what = entryLabel(item, "Line item", index)
  return pricedLine(
    {
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
    },
    ctx
  )
}

export const shippingLine: LineBuilder<LineSourceShipping> = (method, index, ctx) => {
  const what = entryLabel(method, "Shipping method", index)
  return pricedLine(
    {
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
    },
    ctx
  )
}

/** A tax-inclusive fee; in the sales-tax model its contained tax moves to the sales_tax line. */
export const surchargeLine: LineBuilder<LineSourceSurcharge> = (surcharge, index, ctx) => {
  const what = entryLabel(surcharge, "Surcharge", index)
  const incl = minorOf(surcharge.total, ctx.currency, `${what} total`)
  const bp = taxRateToBasisPoints(surcharge.tax_rate, what)
  let total = incl
  let rate = bp
  let salesTax = 0
  if (ctx.salesTax) {
    salesTax = containedTax(incl, bp)
    total = incl - salesTax
    rate = 0
  }
  const line: KlarnaOrderLine = {
    type: "surcharge",
    ...optionalReference(lineReference(undefined, surcharge.id)),
    name: lineName(surcharge.name, "Surcharge"),
    quantity: 1,
    unit_price: total,
    tax_rate: rate,
    total_amount: total,
    total_discount_amount: 0,
    total_tax_amount: containedTax(total, rate),
  }
  return { line, salesTax }
}

/** A negative gift_card / store_credit line; none for a zero credit. */
export const creditLine: LineBuilder<LineSourceCredit> = (credit, index, ctx) => {
  const what = entryLabel(credit, "Credit", index)
  const kind = credit.kind === "store_credit" ? "store_credit" : credit.kind === "gift_card" ? "gift_card" : undefined
  if (!kind) {
    throw invalid(`${what} has an unknown kind ${JSON.stringify(credit.kind)} (expected gift_card or store_credit)`)
  }
  const amount = minorOf(credit.amount, ctx.currency, `${what} amount`)
  if (amount < 0) {
    throw invalid(`${what} has a negative amount ${formatMinorUnits(amount, ctx.currency)}; credits must be positive`)
  }
  if (amount === 0) {
    return { salesTax: 0 }
  }
  const line: KlarnaOrderLine = {
    type: kind,
    ...optionalReference(lineReference(undefined, credit.id)),
    name: lineName(credit.name, kind === "gift_card" ? "Gift card" : "Store credit"),
    quantity: 1,
    unit_price: -amount,
    tax_rate: 0,
    total_amount: -amount,
    total_tax_amount: 0,
  }
  return { line, salesTax: 0 }
}

/** The US sales_tax line carrying `salesTaxTotal`; none when it is 0, an error when negative. */
export function salesTaxLine(salesTaxTotal: number, currency: string): KlarnaOrderLine | undefined {
  if (salesTaxTotal < 0) {
    throw invalid(`The sales tax of the cart is negative (${formatMinorUnits(salesTaxTotal, currency)}); Klarna cannot accept it`)
  }
  if (!(salesTaxTotal > 0)) {
    return undefined
  }
  return {
    type: "sales_tax",
    name: "Sales Tax",
    quantity: 1,
    unit_price: salesTaxTotal,
    total_amount: salesTaxTotal,
    tax_rate: 0,
    total_tax_amount: 0,
  }
}
