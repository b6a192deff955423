/** Shipping lines, fee lines (can be negative) and coupons (amounts ex tax, as WooCommerce reports them). */
import type { WooCouponLine, WooFeeLine, WooShippingLine } from "../woo-schemas"
import { clean, type OrderScope } from "./order-scope"
import type { LineTaxReader } from "./taxes"
import type { ImportedCoupon, ImportedFeeLine, ImportedShippingLine } from "./woo-draft-types"

type TaxedAmounts = Pick<ImportedShippingLine, "total" | "total_tax" | "tax_rate" | "tax_lines">

/** A shipping or fee line's own amounts (ex tax, tax) and taxes. */
function taxedAmounts(scope: OrderScope, line: WooShippingLine | WooFeeLine, where: string, taxOf: LineTaxReader): TaxedAmounts {
  const total = scope.money(line.total, `${where} total`)
  const totalTax = scope.money(line.total_tax, `${where} total_tax`)
  const tax = taxOf(line.taxes, total, totalTax, where)
  return { total, total_tax: totalTax, tax_rate: tax.rate, tax_lines: tax.lines }
}

export function mapShippingLines(scope: OrderScope, lines: readonly WooShippingLine[], taxOf: LineTaxReader): ImportedShippingLine[] {
  return lines.map((s) => ({
    woo_line_id: s.id,
    title: clean(s.method_title) ?? clean(s.method_id) ?? "Shipping",
    method_id: clean(s.method_id),
    instance_id: clean(s.instance_id),
    ...taxedAmounts(scope, s, `shipping line ${s.id}`, taxOf),
  }))
}

export function mapFeeLines(scope: OrderScope, lines: readonly WooFeeLine[], taxOf: LineTaxReader): ImportedFeeLine[] {
  return lines.map((f) => ({ woo_line_id: f.id, name: clean(f.name) ?? "Fee", ...taxedAmounts(scope, f, `fee line ${f.id}`, taxOf) }))
}

export function mapCoupons(scope: OrderScope, lines: readonly WooCouponLine[]): ImportedCoupon[] {
  return lines.map((c) => ({
    code: clean(c.code) ?? "",
    discount: scope.money(c.discount, `coupon ${c.id} discount`),
    discount_tax: scope.money(c.discount_tax, `coupon ${c.id} discount_tax`),
  }))
}
