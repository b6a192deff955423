/**
 * zod schemas for the Klarna Payments v1 and Order Management v1 bodies this client sends
 * and receives (field names from Klarna's OpenAPI exports).
 *
 * Requests: plain objects (no index signature, so interfaces such as KlarnaOrderLine fit)
 * with integer minor-unit amounts and Klarna's length limits; extra fields pass validation
 * and are sent as given. Responses: loose objects (unknown fields kept), required fields enforced,
 * and optional fields may come back as `null` (Klarna does that) — they are normalised
 * to `undefined`, and list fields to `[]`.
 */
import { z } from "zod"
import { KLARNA_ORDER_LINE_TYPES } from "../validation/order-line-rules"
import type { KlarnaOrderLine, KlarnaOrderLineType } from "../validation/order-line-rules"

/** A known set of values, but any other string is accepted too (Klarna adds values over time). */
export type OpenEnum<T extends string> = T | (string & {})

const openEnum = <const T extends readonly string[]>(_known: T) =>
  z.string() as unknown as z.ZodType<OpenEnum<T[number]>, string>

/** Optional response field that Klarna may send as null. */
const maybe = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === null ? undefined : v), schema.optional()).optional()

/** Response list field: null or missing becomes []. */
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? [])

const amount = z.number().int().min(0).max(200_000_000)
const signedAmount = z.number().int().min(-200_000_000).max(200_000_000)
const text = (max: number) => z.string().max(max)

// ---------------------------------------------------------------- shared

export const klarnaOrderLineSchema = z.object({
  type: z.enum(KLARNA_ORDER_LINE_TYPES).optional(),
  reference: text(255).optional(),
  name: text(255),
  quantity: z.number().int().min(0),
  quantity_unit: text(10).optional(),
  unit_price: signedAmount,
  tax_rate: z.number().int().min(0).max(10000).optional(),
  total_amount: signedAmount,
  total_discount_amount: amount.optional(),
  total_tax_amount: signedAmount.optional(),
  merchant_data: text(1024).optional(),
  product_url: text(1024).optional(),
  image_url: text(1024).optional(),
  product_identifiers: z.record(z.string(), z.unknown()).optional(),
  subscription: z.record(z.string(), z.unknown()).optional(),
})

const isKnownLineType = (v: string): v is KlarnaOrderLineType => (KLARNA_ORDER_LINE_TYPES as readonly string[]).includes(v)

/**
 * An order line as Klarna returns it (nulls tolerated). Assignable to KlarnaOrderLine so
 * captured/refunded lines can be built from it; a `type` value this plugin doesn't know
 * becomes undefined rather than failing the whole order.
 */
export const klarnaOrderLineResponseSchema = z.looseObject({
  type: maybe(z.string().transform((v) => (isKnownLineType(v) ? v : undefined))),
  reference: maybe(z.string()),
  name: z.string(),
  quantity: z.number(),
  quantity_unit: maybe(z.string()),
  unit_price: z.number(),
  tax_rate: maybe(z.number()),
  total_amount: z.number(),
  total_discount_amount: maybe(z.number()),
  total_tax_amount: maybe(z.number()),
  merchant_data: maybe(z.string()),
  product_url: maybe(z.string()),
  image_url: maybe(z.string()),
})
export type KlarnaOrderLineResponse = z.infer<typeof klarnaOrderLineResponseSchema>

// Keeps these schemas and the shared order-line type from drifting apart.
type _LineOut = z.infer<typeof klarnaOrderLineSchema>
type _LineResponse = z.infer<typeof klarnaOrderLineResponseSchema>
const _orderLineMatches: [
  _LineOut extends KlarnaOrderLine ? true : never,
  KlarnaOrderLine extends _LineOut ? true : never,
  _LineResponse extends KlarnaOrderLine ? true : never,
] = [true, true, true]
void _orderLineMatches

const addressShape = <T extends z.ZodType>(field: () => T) => ({
  given_name: field(),
  family_name: field(),
  email: field(),
  title: field(),
  street_address: field(),
  street_address2: field(),
  postal_code: field(),
  city: field(),
  region: field(),
  country: field(),
  phone: field(),
  organization_name: field(),
  attention: field(),
})

export const klarnaAddressSchema = z.object(addressShape(() => z.string().optional()))
export type KlarnaAddress = z.infer<typeof klarnaAddressSchema>

export const klarnaAddressResponseSchema = z.looseObject(addressShape(() => maybe(z.string())))
export type KlarnaAddressResponse = z.infer<typeof klarnaAddressResponseSchema>

export const KLARNA_SHIPPING_METHODS = [
  "PickUpStore",
  "Home",
  "BoxReg",
  "BoxUnreg",
  "PickUpPoint",
  "Own",
  "Postal",
  "DHLPackstation",
  "Digital",
  "Undefined",
  "PickUpWarehouse",
  "ClickCollect",
  "PalletDelivery",
] as const

export const klarnaShippingInfoSchema = z.object({
  shipping_company: text(100).optional(),
  shipping_method: openEnum(KLARNA_SHIPPING_METHODS).optional(),
  tracking_number: text(100).optional(),
  tracking_uri: text(1024).optional(),
  return_shipping_company: text(100).optional(),
  return_tracking_number: text(100).optional(),
  return_tracking_uri: text(1024).optional(),
})
export type KlarnaShippingInfo = z.infer<typeof klarnaShippingInfoSchema>

export const klarnaErrorBodySchema = z.looseObject({
  error_code: maybe(z.string()),
  error_messages: maybe(z.array(z.string())),
  correlation_id: maybe(z.string()),
})
export type KlarnaErrorBody = z.infer<typeof klarnaErrorBodySchema>

// ---------------------------------------------------------------- Payments v1

export const klarnaMerchantUrlsSchema = z.object({
  confirmation: text(2000).optional(),
  notification: text(2000).optional(),
  push: text(2000).optional(),
  authorization: text(2000).optional(),
})
export type KlarnaMerchantUrls = z.infer<typeof klarnaMerchantUrlsSchema>

export const klarnaSessionCreateRequestSchema = z.object({
  purchase_country: z.string().length(2),
  purchase_currency: z.string().length(3),
  locale: z.string().optional(),
  order_amount: amount,
  order_tax_amount: amount.optional(),
  order_lines: z.array(klarnaOrderLineSchema).min(1).max(1000),
  merchant_reference1: text(255).optional(),
  merchant_reference2: text(255).optional(),
  merchant_data: text(6000).optional(),
  merchant_urls: klarnaMerchantUrlsSchema.optional(),
  billing_address: klarnaAddressSchema.optional(),
  shipping_address: klarnaAddressSchema.optional(),
  customer: z.record(z.string(), z.unknown()).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  attachment: z.object({ body: z.string(), content_type: z.string() }).optional(),
  intent: z.enum(["buy", "tokenize", "buy_and_tokenize"]).optional(),
  acquiring_channel: z.enum(["ECOMMERCE", "IN_STORE", "TELESALES"]).optional(),
  custom_payment_method_ids: z.array(z.string()).optional(),
  design: z.string().optional(),
})
export type KlarnaSessionCreateRequest = z.infer<typeof klarnaSessionCreateRequestSchema>

/** Update session takes the same fields, none required. */
export const klarnaSessionUpdateRequestSchema = klarnaSessionCreateRequestSchema.partial()
export type KlarnaSessionUpdateRequest = z.infer<typeof klarnaSessionUpdateRequestSchema>

export const KLARNA_PAYMENT_METHOD_CATEGORIES = [
  "klarna",
  "pay_later",
  "pay_now",
  "pay_over_time",
  "direct_bank_transfer",
  "direct_debit",
] as const

export const klarnaPaymentMethodCategorySchema = z.looseObject({
  identifier: openEnum(KLARNA_PAYMENT_METHOD_CATEGORIES),
  name: z.string(),
  asset_urls: maybe(z.looseObject({ descriptive: maybe(z.string()), standard: maybe(z.string()) })),
})
export type KlarnaPaymentMethodCategory = z.infer<typeof klarnaPaymentMethodCategorySchema>

export const klarnaSessionCreatedSchema = z.looseObject({
  session_id: z.string().min(1),
  client_token: z.string().min(1),
  payment_method_categories: list(klarnaPaymentMethodCategorySchema),
})
export type KlarnaSessionCreated = z.infer<typeof klarnaSessionCreatedSchema>

export const klarnaSessionSchema = z.looseObject({
  status: openEnum(["complete", "incomplete"] as const),
  purchase_country: z.string(),
  purchase_currency: z.string(),
  locale: maybe(z.string()),
  order_amount: z.number(),
  order_tax_amount: maybe(z.number()),
  order_lines: list(klarnaOrderLineResponseSchema),
  client_token: maybe(z.string()),
  authorization_token: maybe(z.string()),
  expires_at: maybe(z.string()),
  merchant_reference1: maybe(z.string()),
  merchant_reference2: maybe(z.string()),
  merchant_data: maybe(z.string()),
  merchant_urls: maybe(z.looseObject({})),
  payment_method_categories: list(klarnaPaymentMethodCategorySchema),
  billing_address: maybe(klarnaAddressResponseSchema),
  shipping_address: maybe(klarnaAddressResponseSchema),
  intent: maybe(z.string()),
  acquiring_channel: maybe(z.string()),
})
export type KlarnaSession = z.infer<typeof klarnaSessionSchema>

export const klarnaCreateOrderRequestSchema = klarnaSessionCreateRequestSchema.extend({
  auto_capture: z.boolean().optional(),
})
export type KlarnaCreateOrderRequest = z.infer<typeof klarnaCreateOrderRequestSchema>

export const KLARNA_FRAUD_STATUSES = ["ACCEPTED", "PENDING", "REJECTED", "STOPPED"] as const
export type KlarnaFraudStatus = OpenEnum<(typeof KLARNA_FRAUD_STATUSES)[number]>

export const klarnaAuthorizedPaymentMethodSchema = z.preprocess(
  // Klarna's own sample sends a bare string ("invoice") instead of the documented object.
  (v) => (typeof v === "string" ? { type: v } : v),
  z.looseObject({
    type: z.string(),
    number_of_days: maybe(z.number()),
    number_of_installments: maybe(z.number()),
  })
)

export const klarnaOrderCreatedSchema = z.looseObject({
  order_id: z.string().min(1),
  redirect_url: maybe(z.string()),
  fraud_status: openEnum(KLARNA_FRAUD_STATUSES),
  authorized_payment_method: maybe(klarnaAuthorizedPaymentMethodSchema),
})
export type KlarnaOrderCreated = z.infer<typeof klarnaOrderCreatedSchema>

// ---------------------------------------------------------------- Order Management v1

export const KLARNA_ORDER_STATUSES = [
  "AUTHORIZED",
  "PART_CAPTURED",
  "CAPTURED",
  "CANCELLED",
  "EXPIRED",
  "CLOSED",
] as const
export type KlarnaOrderStatus = (typeof KLARNA_ORDER_STATUSES)[number]

export const klarnaShippingInfoResponseSchema = z.looseObject({
  shipping_company: maybe(z.string()),
  shipping_method: maybe(z.string()),
  tracking_number: maybe(z.string()),
  tracking_uri: maybe(z.string()),
  return_shipping_company: maybe(z.string()),
  return_tracking_number: maybe(z.string()),
  return_tracking_uri: maybe(z.string()),
})

export const klarnaCaptureSchema = z.looseObject({
  capture_id: z.string().min(1),
  klarna_reference: maybe(z.string()),
  captured_amount: z.number(),
  captured_at: z.string(),
  description: maybe(z.string()),
  order_lines: maybe(z.array(klarnaOrderLineResponseSchema)),
  reference: maybe(z.string()),
  refunded_amount: maybe(z.number()),
  shipping_info: maybe(z.array(klarnaShippingInfoResponseSchema)),
  billing_address: maybe(klarnaAddressResponseSchema),
  shipping_address: maybe(klarnaAddressResponseSchema),
})
export type KlarnaCapture = z.infer<typeof klarnaCaptureSchema>

export const klarnaCaptureListSchema = list(klarnaCaptureSchema)

export const klarnaRefundSchema = z.looseObject({
  refund_id: z.string().min(1),
  refunded_amount: z.number(),
  refunded_at: maybe(z.string()),
  description: maybe(z.string()),
  order_lines: maybe(z.array(klarnaOrderLineResponseSchema)),
  reference: maybe(z.string()),
})
export type KlarnaRefund = z.infer<typeof klarnaRefundSchema>

export const klarnaInitialPaymentMethodSchema = z.looseObject({
  type: z.string(),
  description: maybe(z.string()),
  number_of_installments: maybe(z.number()),
})

export const klarnaOrderSchema = z.looseObject({
  order_id: z.string().min(1),
  status: z.enum(KLARNA_ORDER_STATUSES),
  fraud_status: openEnum(KLARNA_FRAUD_STATUSES),
  order_amount: z.number(),
  original_order_amount: maybe(z.number()),
  captured_amount: z.number(),
  refunded_amount: z.number(),
  remaining_authorized_amount: z.number(),
  purchase_currency: z.string(),
  purchase_country: z.string(),
  locale: maybe(z.string()),
  order_lines: list(klarnaOrderLineResponseSchema),
  klarna_reference: z.string(),
  merchant_reference1: maybe(z.string()),
  merchant_reference2: maybe(z.string()),
  merchant_data: maybe(z.string()),
  created_at: z.string(),
  expires_at: z.string(),
  captures: list(klarnaCaptureSchema),
  refunds: list(klarnaRefundSchema),
  initial_payment_method: maybe(klarnaInitialPaymentMethodSchema),
  billing_address: maybe(klarnaAddressResponseSchema),
  shipping_address: maybe(klarnaAddressResponseSchema),
  shipping_info: maybe(z.array(klarnaShippingInfoResponseSchema)),
})
export type KlarnaOrder = z.infer<typeof klarnaOrderSchema>

export const klarnaCaptureRequestSchema = z.object({
  captured_amount: amount,
  description: text(255).optional(),
  order_lines: z.array(klarnaOrderLineSchema).max(1000).optional(),
  reference: text(255).optional(),
  shipping_info: z.array(klarnaShippingInfoSchema).max(500).optional(),
  shipping_delay: z.number().int().min(0).optional(),
})
export type KlarnaCaptureRequest = z.infer<typeof klarnaCaptureRequestSchema>

export const klarnaCaptureShippingInfoRequestSchema = z.object({
  shipping_info: z.array(klarnaShippingInfoSchema).min(1).max(500),
})
export type KlarnaCaptureShippingInfoRequest = z.infer<typeof klarnaCaptureShippingInfoRequestSchema>

export const klarnaRefundRequestSchema = z.object({
  refunded_amount: amount,
  description: text(255).optional(),
  reference: text(255).optional(),
  order_lines: z.array(klarnaOrderLineSchema).max(1000).optional(),
})
export type KlarnaRefundRequest = z.infer<typeof klarnaRefundRequestSchema>

export const klarnaUpdateAuthorizationRequestSchema = z.object({
  order_amount: amount,
  description: text(255).optional(),
  order_lines: z.array(klarnaOrderLineSchema).max(1000).optional(),
})
export type KlarnaUpdateAuthorizationRequest = z.infer<typeof klarnaUpdateAuthorizationRequestSchema>

export const klarnaMerchantReferencesRequestSchema = z.object({
  merchant_reference1: text(255).optional(),
  merchant_reference2: text(255).optional(),
})
export type KlarnaMerchantReferencesRequest = z.infer<typeof klarnaMerchantReferencesRequestSchema>

/** Order Management's customer details: only the shipping address can change (billing cannot). */
export const klarnaCustomerDetailsRequestSchema = z.object({ shipping_address: klarnaAddressSchema })
export type KlarnaCustomerDetailsRequest = z.infer<typeof klarnaCustomerDetailsRequestSchema>
