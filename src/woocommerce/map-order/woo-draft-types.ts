/** The import draft: what `mapWooOrder` makes of one WooCommerce order. Money is in minor units. */
import type { KlarnaOrderData } from "../klarna-order-data"
import type { MedusaStatusTarget, WooBaseStatus } from "../status-map"
import type { WooNote, WooNoteInput, WooRefund, WooRefundInput } from "../woo-schemas"

export interface ImportedAddress {
  first_name: string | null
  last_name: string | null
  company: string | null
  address_1: string | null
  address_2: string | null
  city: string | null
  postal_code: string | null
  /** WooCommerce `state` (a code such as "CA" where the shop uses codes). */
  province: string | null
  /** ISO 3166-1 alpha-2, lower case. */
  country_code: string | null
  phone: string | null
}

export interface ImportedTaxLine {
  rate_id: number
  /** WooCommerce rate code, e.g. "SE-MOMS 25%-1". */
  code: string | null
  /** Label, e.g. "Moms 25%". */
  name: string | null
  /** Percent, e.g. 25. */
  rate: number | null
  compound: boolean
  /** This line's tax for the rate, minor units (raw precision rounded once). */
  total: number
}

export interface ImportedLineItem {
  woo_line_id: number
  title: string
  /** `parent_name` for variations, else the item name. */
  product_title: string
  sku?: string
  product_id?: number
  variation_id?: number
  quantity: number
  /** Minor units, INCLUDING tax, BEFORE discount. */
  unit_price: number
  /** true when (subtotal + subtotal_tax) / quantity was not exact (remainder is in `discount`). */
  unit_price_rounded?: boolean
  /** Ex tax, before discount. */
  subtotal: number
  subtotal_tax: number
  /** Ex tax, after discount. */
  total: number
  total_tax: number
  /** Percent (sum of the line's rates), e.g. 25 or 12. */
  tax_rate: number
  tax_lines: ImportedTaxLine[]
  /** Discount including tax: unit_price × quantity − (total + total_tax). */
  discount: number
  /** Variation attributes from display meta ("Färg": "Svart"); hidden and sensitive meta excluded. */
  options?: Record<string, string>
}

export interface ImportedShippingLine {
  woo_line_id: number
  title: string
  method_id: string | null
  instance_id: string | null
  total: number
  total_tax: number
  tax_rate: number
  tax_lines: ImportedTaxLine[]
}

export interface ImportedFeeLine {
  woo_line_id: number
  name: string
  /** Ex tax; can be negative. */
  total: number
  total_tax: number
  tax_rate: number
  tax_lines: ImportedTaxLine[]
}

export interface ImportedCoupon {
  code: string
  /** Ex tax. */
  discount: number
  discount_tax: number
}

export interface ImportedRefundItem {
  /** Original line id (`_refunded_item_id`). */
  woo_line_id: number | null
  /** Positive quantity returned. */
  quantity: number
  /** Positive, ex tax. */
  total: number
  total_tax: number
}

export interface ImportedRefund {
  woo_refund_id: number
  /** Positive, minor units. */
  amount: number
  reason: string | null
  /** ISO 8601 UTC, or null when only the order's summary was available. */
  created_at: string | null
  /** true = the gateway (Klarna) was called for this refund. */
  refunded_payment: boolean | null
  /** What KOM sends to Klarna as the refund `reference`: "{order_number}|{refund_id}". */
  klarna_reference: string
  items: ImportedRefundItem[]
}

export interface ImportedOrderTotals {
  /** Order total, tax included. */
  total: number
  total_tax: number
  /** As WooCommerce reports them: ex tax. */
  shipping_total: number
  shipping_tax: number
  discount_total: number
  discount_tax: number
  /** Σ refunds (positive). */
  refunded_total: number
}

export interface ImportedOrderDraft {
  /** `woo:{host[/path]}:{id}`: stable external id for upserts. */
  external_id: string
  woo_id: number
  number: string
  order_key: string | null
  shop_url: string
  /** WooCommerce status as sent (without `wc-`). */
  status: string
  /** Lower case ISO 4217. */
  currency_code: string
  /** ISO 8601 UTC ("…Z"). */
  created_at: string
  modified_at: string | null
  paid_at: string | null
  completed_at: string | null
  email: string | null
  customer: { email: string | null; first_name: string | null; last_name: string | null; phone?: string; woo_customer_id?: number }
  billing_address: ImportedAddress | null
  shipping_address: ImportedAddress | null
  customer_note: string | null
  prices_include_tax: boolean | null
  payment_method_title: string | null
  items: ImportedLineItem[]
  shipping: ImportedShippingLine[]
  fees: ImportedFeeLine[]
  coupons: ImportedCoupon[]
  totals: ImportedOrderTotals
  refunds: ImportedRefund[]
  klarna: KlarnaOrderData
  medusa_status: MedusaStatusTarget
  metadata: {
    woocommerce_id: number
    woocommerce_number: string
    woocommerce_order_key: string | null
    woocommerce_shop_url: string
  }
  /** Non-fatal findings (data recovered or guessed). */
  warnings: string[]
}

export type MapWooOrderResult = { ok: true; draft: ImportedOrderDraft } | { ok: false; reason: string }

export interface MapWooOrderContext {
  /** Full refund objects (`GET /orders/{id}/refunds`); falls back to the order's `refunds[]` summaries. */
  refunds?: readonly (WooRefund | WooRefundInput)[]
  notes?: readonly (WooNote | WooNoteInput)[]
  /** The shop's base URL, e.g. "https://shop.example.se". */
  shopUrl: string
  /** Import pending / failed / checkout-draft orders as flagged history. */
  includeUnpaid?: boolean
  /** false: orders paid otherwise than with Klarna are imported too, as history (`--all`). Default true. */
  klarnaOnly?: boolean
  customStatuses?: Record<string, WooBaseStatus>
}
