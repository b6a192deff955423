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
 *
 * The parts: order-line-sources.ts (what is read), order-line-text.ts (names,
 * references, URLs), order-line-rounding.ts (one line's arithmetic),
 * order-line-builders.ts (one line per entry), order-line-totals.ts (order
 * totals and the final check). This module is their public face.
 */
import type { KlarnaOrderLine } from "../validation/order-line-rules"
import { invalidOrderLineData } from "./order-line-error"
import { BuiltLine, buildEach, creditLine, itemLine, lineContext, salesTaxLine, shippingLine, surchargeLine } from "./order-line-builders"
import type { KlarnaLineSource } from "./order-line-sources"
import { KlarnaOrderAmounts, matchPaymentAmount, orderAmounts } from "./order-line-totals"

export type {
  KlarnaLineSource,
  LineSourceCredit,
  LineSourceItem,
  LineSourceShipping,
  LineSourceSurcharge,
} from "./order-line-sources"
export { isSalesTaxCountry, taxRateToBasisPoints } from "./order-line-sources"
export { KLARNA_MAX_TEXT, KLARNA_MAX_URL, klarnaUrl } from "./order-line-text"
export { ceilDiv, containedTax } from "./order-line-rounding"
export type { KlarnaOrderAmounts } from "./order-line-totals"

export function buildKlarnaOrderLines(source: KlarnaLineSource): KlarnaOrderAmounts {
  if (!source || typeof source !== "object") {
    throw invalidOrderLineData("Cannot build Klarna order lines: no cart or order was given")
  }
  const ctx = lineContext(source)
  const built: BuiltLine[] = [
    ...buildEach(source.items, itemLine, ctx),
    ...buildEach(source.shipping_methods, shippingLine, ctx),
    ...buildEach(source.surcharges, surchargeLine, ctx),
    ...buildEach(source.credits, creditLine, ctx),
  ]
  const lines: KlarnaOrderLine[] = built.flatMap((b) => (b.line ? [b.line] : []))
  if (lines.length === 0) {
    throw invalidOrderLineData("Cannot create a Klarna order without order lines: the cart has no items to pay for")
  }
  let salesTaxTotal: number | undefined
  if (ctx.salesTax) {
    salesTaxTotal = built.reduce((s, b) => s + b.salesTax, 0)
    const taxLine = salesTaxLine(salesTaxTotal, ctx.currency)
    if (taxLine) {
      lines.push(taxLine)
    }
  }
  const orderAmount = matchPaymentAmount(lines, source.amount, ctx.currency)
  return orderAmounts(lines, orderAmount, salesTaxTotal, ctx.currency)
}
