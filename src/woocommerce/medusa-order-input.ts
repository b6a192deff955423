import type { ImportedOrderDraft, ImportedAddress, ImportedTaxLine } from "./map-order/woo-draft-types"
import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberValue } from "@medusajs/framework/types"
import { fromMinorUnitsToString } from "../klarna/utils/currency"
import { klarnaHistory } from "./klarna-history"

const address = (a: ImportedAddress | null) =>
  a
    ? {
        first_name: a.first_name ?? undefined,
        last_name: a.last_name ?? undefined,
        company: a.company ?? undefined,
        address_1: a.address_1 ?? undefined,
        address_2: a.address_2 ?? undefined,
        city: a.city ?? undefined,
        postal_code: a.postal_code ?? undefined,
        province: a.province ?? undefined,
        country_code: a.country_code ?? undefined,
        phone: a.phone ?? undefined,
      }
    : undefined

/**
 * A line's tax lines, at rates that make Medusa's tax for the line exactly
 * WooCommerce's. WooCommerce rounds each line's tax to the minor unit (99.99
 * at 25 % has 20.00 tax, where 25 % of it is 19.998); when the nominal rates
 * do not give WooCommerce's tax, they are scaled to the rate WooCommerce in
 * effect charged (tax / net), keeping the nominal rate in the tax line's
 * metadata and description.
 */
const taxLines = (lines: ImportedTaxLine[], fallbackRate: number, amounts: { gross: number; tax: number }) => {
  const nominal = (lines.length ? lines : [{ rate: fallbackRate, code: null, name: null } as ImportedTaxLine]).map((t) => ({
    rate: t.rate ?? fallbackRate,
    code: t.code ?? `woo-${t.rate ?? fallbackRate}`,
    description: t.name ?? `${t.rate ?? fallbackRate} %`,
  }))
  const scale = effectiveRateScale(nominal, amounts)
  if (!scale) {
    return nominal
  }
  return nominal.map((t) => ({ ...t, rate: MathBN.mult(t.rate, scale).toString(), metadata: { woocommerce_rate: t.rate } }))
}

/** Factor from the nominal rates to the effective ones, or null when the nominal rates already give WooCommerce's tax. */
function effectiveRateScale(lines: Array<{ rate: number }>, { gross, tax }: { gross: number; tax: number }): BigNumberValue | null {
  const rate = MathBN.sum(0, ...lines.map((t) => t.rate))
  const net = gross - tax
  // Tax contained in a tax-inclusive amount: gross × rate / (100 + rate). Exact when gross × rate = tax × (100 + rate).
  if (net === 0 || MathBN.eq(rate, 0) || MathBN.eq(MathBN.mult(gross, rate), MathBN.mult(tax, MathBN.add(100, rate)))) {
    return null
  }
  return MathBN.div(MathBN.div(MathBN.mult(100, tax), net), rate)
}

/**
 * A WooCommerce order draft as Medusa order-module input. Prices include tax
 * like WooCommerce's totals; line discounts (coupons, rounding) become
 * tax-inclusive adjustments, so each line's total is WooCommerce's to the
 * minor unit. Amounts are exact decimal strings.
 */
export function medusaOrderInput(
  draft: ImportedOrderDraft,
  ctx: { region_id: string; customer_id: string; sales_channel_id?: string; variants: Map<string, { id: string; product_id: string }> }
) {
  const money = (minor: number) => fromMinorUnitsToString(minor, draft.currency_code)
  const coupon = draft.coupons.map((c) => c.code).join(", ") || "woocommerce"
  const items = draft.items.map((item) => {
    const variant = item.sku ? ctx.variants.get(item.sku) : undefined
    return {
      title: item.title,
      product_title: item.product_title,
      variant_sku: item.sku,
      variant_id: variant?.id,
      product_id: variant?.product_id,
      quantity: item.quantity,
      unit_price: money(item.unit_price),
      is_tax_inclusive: true,
      tax_lines: taxLines(item.tax_lines, item.tax_rate, { gross: item.total + item.total_tax, tax: item.total_tax }),
      adjustments: item.discount > 0 ? [{ amount: money(item.discount), code: coupon, description: "WooCommerce discount", is_tax_inclusive: true }] : [],
      metadata: { woocommerce_line_id: item.woo_line_id, ...(item.options ? { options: item.options } : {}) },
    }
  })
  const fees = draft.fees.map((fee) => ({
    title: fee.name,
    quantity: 1,
    unit_price: money(fee.total + fee.total_tax),
    is_tax_inclusive: true,
    is_custom_price: true,
    requires_shipping: false,
    tax_lines: taxLines(fee.tax_lines, fee.tax_rate, { gross: fee.total + fee.total_tax, tax: fee.total_tax }),
    metadata: { woocommerce_fee_line_id: fee.woo_line_id },
  }))
  return {
    region_id: ctx.region_id,
    customer_id: ctx.customer_id,
    sales_channel_id: ctx.sales_channel_id,
    email: draft.email ?? draft.customer.email ?? undefined,
    currency_code: draft.currency_code,
    created_at: new Date(draft.created_at),
    ...(draft.medusa_status.order_status === "canceled" ? { canceled_at: new Date(draft.modified_at ?? draft.created_at) } : {}),
    status: draft.medusa_status.order_status === "canceled" ? "canceled" : draft.medusa_status.order_status === "completed" ? "completed" : "pending",
    no_notification: true,
    shipping_address: address(draft.shipping_address ?? draft.billing_address),
    billing_address: address(draft.billing_address),
    items: [...items, ...fees],
    shipping_methods: draft.shipping.map((s) => ({
      name: s.title,
      amount: money(s.total + s.total_tax),
      is_tax_inclusive: true,
      tax_lines: taxLines(s.tax_lines, s.tax_rate, { gross: s.total + s.total_tax, tax: s.total_tax }),
      data: { woocommerce_method_id: s.method_id, woocommerce_instance_id: s.instance_id },
    })),
    metadata: {
      ...draft.metadata,
      woocommerce_created_at: draft.created_at,
      woocommerce_status: draft.status,
      woocommerce_payment_method: draft.klarna.woo_payment_method || null,
      woocommerce_payment_method_title: draft.payment_method_title,
      ...(klarnaHistory(draft) ? { klarna_history: klarnaHistory(draft) } : {}),
      ...(draft.medusa_status.flag_review ? { klarna_review_required: true, review_reasons: draft.medusa_status.review_reasons ?? [] } : {}),
    },
  }
}
