/**
 * Loose zod schemas for the WooCommerce REST API v3 objects the importer reads
 * (orders, refunds, order notes). "Loose" means:
 *  - unknown fields are kept (`z.looseObject`), so nothing a plugin adds is lost;
 *  - almost every field is optional and `null` is tolerated;
 *  - money stays a STRING (WooCommerce formats it to `dp` decimals; `taxes[]`
 *    carries raw precision such as "25.746429"). A JSON number that some plugins
 *    emit is turned into its decimal string, never used as a float;
 *  - integer ids also accept digit strings (`"5125"`).
 * Only `id` is required on an order, a refund and a note.
 */
import { z } from "zod"

/** Integer id that may arrive as a number or a digit string. */
const intLike = z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform((s) => Number(s))])

/** A money value: string as sent by WooCommerce; numbers become their decimal string. */
const money = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (typeof v === "number" ? String(v) : v))

const str = z.string().nullish()
const bool = z.boolean().nullish()

function list<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((v) => v ?? [])
}

export const WooMetaDataSchema = z.looseObject({
  id: intLike.nullish(),
  key: z.string(),
  value: z.unknown(),
  display_key: z.unknown().optional(),
  display_value: z.unknown().optional(),
})
export type WooMetaData = z.output<typeof WooMetaDataSchema>

/** `taxes[]` entry of a line: `id` is the tax RATE id (matches `tax_lines[].rate_id`). */
export const WooLineTaxSchema = z.looseObject({
  id: intLike,
  total: money,
  subtotal: money,
})
export type WooLineTax = z.output<typeof WooLineTaxSchema>

export const WooAddressSchema = z.looseObject({
  first_name: str,
  last_name: str,
  company: str,
  address_1: str,
  address_2: str,
  city: str,
  state: str,
  postcode: str,
  country: str,
  email: str,
  phone: str,
})
export type WooAddress = z.output<typeof WooAddressSchema>

export const WooLineItemSchema = z.looseObject({
  id: intLike,
  name: str,
  parent_name: str,
  product_id: intLike.nullish(),
  variation_id: intLike.nullish(),
  quantity: z.number().nullish(),
  tax_class: str,
  subtotal: money,
  subtotal_tax: money,
  total: money,
  total_tax: money,
  taxes: list(WooLineTaxSchema),
  meta_data: list(WooMetaDataSchema),
  sku: str,
  /** Float (total / quantity, ex tax). Informational only: never used for money. */
  price: z.union([z.number(), z.string()]).nullish(),
})
export type WooLineItem = z.output<typeof WooLineItemSchema>

export const WooTaxLineSchema = z.looseObject({
  id: intLike.nullish(),
  rate_code: str,
  rate_id: intLike.nullish(),
  label: str,
  compound: bool,
  tax_total: money,
  shipping_tax_total: money,
  rate_percent: z.union([z.number(), z.string()]).nullish(),
  meta_data: list(WooMetaDataSchema),
})
export type WooTaxLine = z.output<typeof WooTaxLineSchema>

export const WooShippingLineSchema = z.looseObject({
  id: intLike,
  method_title: str,
  method_id: str,
  instance_id: z.union([z.string(), z.number()]).nullish(),
  total: money,
  total_tax: money,
  taxes: list(WooLineTaxSchema),
  meta_data: list(WooMetaDataSchema),
})
export type WooShippingLine = z.output<typeof WooShippingLineSchema>

export const WooFeeLineSchema = z.looseObject({
  id: intLike,
  name: str,
  tax_class: str,
  tax_status: str,
  amount: money,
  total: money,
  total_tax: money,
  taxes: list(WooLineTaxSchema),
  meta_data: list(WooMetaDataSchema),
})
export type WooFeeLine = z.output<typeof WooFeeLineSchema>

export const WooCouponLineSchema = z.looseObject({
  id: intLike,
  code: str,
  discount: money,
  discount_tax: money,
  meta_data: list(WooMetaDataSchema),
})
export type WooCouponLine = z.output<typeof WooCouponLineSchema>

/** The `refunds[]` summary embedded in an order: `total` is NEGATIVE ("-119.00"). */
export const WooOrderRefundSummarySchema = z.looseObject({
  id: intLike,
  reason: str,
  total: money,
})
export type WooOrderRefundSummary = z.output<typeof WooOrderRefundSummarySchema>

export const WooOrderSchema = z.looseObject({
  id: intLike,
  parent_id: intLike.nullish(),
  number: z.union([z.string(), z.number()]).nullish().transform((v) => (v == null ? v : String(v))),
  order_key: str,
  created_via: str,
  version: z.union([z.string(), z.number()]).nullish(),
  status: str,
  currency: str,
  currency_symbol: str,
  date_created: str,
  date_created_gmt: str,
  date_modified: str,
  date_modified_gmt: str,
  date_paid: str,
  date_paid_gmt: str,
  date_completed: str,
  date_completed_gmt: str,
  discount_total: money,
  discount_tax: money,
  shipping_total: money,
  shipping_tax: money,
  cart_tax: money,
  total: money,
  total_tax: money,
  prices_include_tax: bool,
  customer_id: intLike.nullish(),
  customer_ip_address: str,
  customer_user_agent: str,
  customer_note: str,
  billing: WooAddressSchema.nullish(),
  shipping: WooAddressSchema.nullish(),
  payment_method: str,
  payment_method_title: str,
  transaction_id: str,
  cart_hash: str,
  meta_data: list(WooMetaDataSchema),
  line_items: list(WooLineItemSchema),
  tax_lines: list(WooTaxLineSchema),
  shipping_lines: list(WooShippingLineSchema),
  fee_lines: list(WooFeeLineSchema),
  coupon_lines: list(WooCouponLineSchema),
  refunds: list(WooOrderRefundSummarySchema),
})
/** A parsed order (arrays always present, money as strings). */
export type WooOrder = z.output<typeof WooOrderSchema>
/** What WooCommerce sends (and what the schema accepts). */
export type WooOrderInput = z.input<typeof WooOrderSchema>

/**
 * `GET /orders/{id}/refunds` item. `amount` is POSITIVE; the lines inside carry
 * NEGATIVE quantities and money, and `_refunded_item_id` meta naming the
 * original line.
 */
export const WooRefundSchema = z.looseObject({
  id: intLike,
  date_created: str,
  date_created_gmt: str,
  amount: money,
  reason: str,
  refunded_by: intLike.nullish(),
  refunded_payment: bool,
  meta_data: list(WooMetaDataSchema),
  line_items: list(WooLineItemSchema),
  shipping_lines: list(WooShippingLineSchema),
  fee_lines: list(WooFeeLineSchema),
  tax_lines: list(WooTaxLineSchema),
})
export type WooRefund = z.output<typeof WooRefundSchema>
export type WooRefundInput = z.input<typeof WooRefundSchema>

/** `GET /orders/{id}/notes` item; `note` may contain HTML. */
export const WooNoteSchema = z.looseObject({
  id: intLike,
  author: str,
  date_created: str,
  date_created_gmt: str,
  note: str,
  customer_note: bool,
})
export type WooNote = z.output<typeof WooNoteSchema>
export type WooNoteInput = z.input<typeof WooNoteSchema>

/** WooCommerce / WordPress REST error body: `{ code, message, data: { status } }`. */
export const WooErrorBodySchema = z.looseObject({
  code: z.string(),
  message: z.string().nullish(),
  data: z.looseObject({ status: z.number().nullish(), params: z.unknown().optional() }).nullish(),
})
export type WooErrorBody = z.output<typeof WooErrorBodySchema>

/** Short human-readable description of a zod failure (first few issues, with paths). */
export function describeZodError(error: z.ZodError, max = 3): string {
  return error.issues
    .slice(0, max)
    .map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`)
    .join("; ")
}
