/**
 * The consistency check (Σ lines, shipping and fees incl. tax = order total,
 * to the minor unit) and the order's reported totals.
 */
import type { WooOrder } from "../woo-schemas"
import type { OrderScope } from "./order-scope"
import type { ImportedFeeLine, ImportedLineItem, ImportedOrderTotals, ImportedShippingLine } from "./woo-draft-types"

export interface DraftLines {
  items: readonly ImportedLineItem[]
  shipping: readonly ImportedShippingLine[]
  fees: readonly ImportedFeeLine[]
}

const sum = <T>(list: readonly T[], amount: (x: T) => number) => list.reduce((s, x) => s + amount(x), 0)

/** The order total in minor units, once the lines add up to it; otherwise the order is rejected. */
export function checkedOrderTotal(scope: OrderScope, order: WooOrder, { items, shipping, fees }: DraftLines): number {
  const m = scope.money
  const fmt = scope.fmt
  const orderTotal = m(order.total, "total", true)
  const linesTotal = sum(items, (i) => i.total + i.total_tax) + sum(shipping, (l) => l.total + l.total_tax) + sum(fees, (f) => f.total + f.total_tax)
  if (linesTotal !== orderTotal) {
    let hint = ""
    const exTax = sum(items, (i) => i.total) + sum(shipping, (l) => l.total) + sum(fees, (f) => f.total)
    const rateTaxes = sum(order.tax_lines, (t) => m(t.tax_total, `tax line ${t.id} tax_total`) + m(t.shipping_tax_total, `tax line ${t.id} shipping_tax_total`))
    if (order.tax_lines.length && exTax + rateTaxes === orderTotal) {
      hint =
        " The tax_lines do add up to the total, so a line's tax differs from its rate's total" +
        " (tax rounded at subtotal level, or a line edited without recalculating the order)."
    }
    scope.fail(
      `line items, shipping and fees add up to ${fmt(linesTotal)} but the order total is ${fmt(orderTotal)} ` +
        `(difference ${fmt(orderTotal - linesTotal)}); not imported.${hint}`
    )
  }
  return orderTotal
}

export function orderTotals(scope: OrderScope, order: WooOrder, orderTotal: number, refundedTotal: number): ImportedOrderTotals {
  const m = scope.money
  return {
    total: orderTotal,
    total_tax: m(order.total_tax, "total_tax"),
    shipping_total: m(order.shipping_total, "shipping_total"),
    shipping_tax: m(order.shipping_tax, "shipping_tax"),
    discount_total: m(order.discount_total, "discount_total"),
    discount_tax: m(order.discount_tax, "discount_tax"),
    refunded_total: refundedTotal,
  }
}
