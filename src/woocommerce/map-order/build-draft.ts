/**
 * One WooCommerce order (+ its refunds and notes) → a normalized,
 * Medusa-ready `ImportedOrderDraft`, or a reason why it is not imported.
 *
 * Money: every amount in the draft is an integer in the currency's MINOR unit.
 * Each WooCommerce money field is parsed as an exact decimal and rounded once,
 * on its own, half away from zero (see woo-money.ts); sums are integer sums.
 *
 * Consistency ("better not imported than imported wrongly"): the draft is only
 * produced when
 *   Σ items (total + total_tax) + Σ shipping (total + total_tax) + Σ fees (total + total_tax)
 * equals the order `total` to the minor unit. Otherwise `{ ok: false, reason }`
 * names both amounts. (A shop that rounds tax "at subtotal level" can be one
 * minor unit off per rate; the reason says so when `tax_lines` explain it.)
 *
 * Line items: `unit_price` is tax-INCLUSIVE and before discount:
 * (subtotal + subtotal_tax) / quantity. When that division is not exact the
 * unit price is rounded UP and the remainder is carried in `discount`, so that
 * always `unit_price × quantity − discount = total + total_tax` and the discount
 * never goes negative because of rounding (`unit_price_rounded: true`).
 *
 * Each section lives in its own file; the order of the steps below is the order
 * in which reasons are found and warnings are written, so keep it.
 */
import { WooMoneyError } from "../woo-money"
import type { WooOrder, WooOrderInput } from "../woo-schemas"
import { mapCustomer } from "./customer"
import { creationDate, laterDates } from "./dates"
import { draftIdentity } from "./identity"
import { mapLineItems } from "./line-items"
import { clean, createOrderScope, MappingFailure, parseInputs } from "./order-scope"
import { mapRefunds } from "./refunds"
import { mapCoupons, mapFeeLines, mapShippingLines } from "./shipping-fees-coupons"
import { importableStatus, statusAndKlarna } from "./status"
import { createLineTaxReader } from "./taxes"
import { checkedOrderTotal, orderTotals } from "./totals"
import type { ImportedOrderDraft, MapWooOrderContext, MapWooOrderResult } from "./woo-draft-types"

export function mapWooOrder(input: WooOrder | WooOrderInput, ctx: MapWooOrderContext): MapWooOrderResult {
  try {
    return { ok: true, draft: buildDraft(input, ctx) }
  } catch (e) {
    if (e instanceof MappingFailure) return { ok: false, reason: e.message }
    if (e instanceof WooMoneyError) return { ok: false, reason: e.message }
    throw e
  }
}

function buildDraft(input: WooOrder | WooOrderInput, ctx: MapWooOrderContext): ImportedOrderDraft {
  const { order, label, notes, fullRefunds } = parseInputs(input, ctx)
  const status = importableStatus(order, label, ctx)
  const scope = createOrderScope(order, label)
  const taxOf = createLineTaxReader(scope, order.tax_lines)
  const items = mapLineItems(scope, order.line_items, taxOf)
  const shipping = mapShippingLines(scope, order.shipping_lines, taxOf)
  const fees = mapFeeLines(scope, order.fee_lines, taxOf)
  const coupons = mapCoupons(scope, order.coupon_lines)
  const orderTotal = checkedOrderTotal(scope, order, { items, shipping, fees })
  const number = clean(order.number) ?? String(order.id)
  const { refunds, refundedTotal } = mapRefunds(scope, order, fullRefunds, number, orderTotal)
  const { medusaStatus, klarna } = statusAndKlarna(scope, order, notes, status, ctx, { refundedTotal, orderTotal })
  const createdAt = creationDate(scope, order)
  const contact = mapCustomer(scope, order)
  const { metadata, ...identity } = draftIdentity(order, number, ctx.shopUrl)
  const dates = laterDates(scope, order)
  const totals = orderTotals(scope, order, orderTotal, refundedTotal)

  return {
    ...identity,
    status,
    currency_code: scope.currency.toLowerCase(),
    created_at: createdAt,
    ...dates,
    ...contact,
    customer_note: clean(order.customer_note),
    prices_include_tax: typeof order.prices_include_tax === "boolean" ? order.prices_include_tax : null,
    payment_method_title: clean(order.payment_method_title),
    items,
    shipping,
    fees,
    coupons,
    totals,
    refunds,
    klarna,
    medusa_status: medusaStatus,
    metadata,
    warnings: scope.warnings,
  }
}
