import { z } from "zod"
import { KLARNA_MAX_AMOUNT } from "../../../src/klarna/validation/order-line-rules"

/** Integer minor units, 0..200 000 000 (klarna-api.md §4). */
export const amount = z.int().min(0).max(KLARNA_MAX_AMOUNT)
const text = (max: number) => z.string().max(max)

export const addressSchema = z.looseObject({
  given_name: text(255).optional(),
  family_name: text(255).optional(),
  email: text(255).optional(),
  title: text(255).optional(),
  street_address: text(255).optional(),
  street_address2: text(255).optional(),
  postal_code: text(255).optional(),
  city: text(255).optional(),
  region: text(255).optional(),
  country: text(255).optional(),
  phone: text(255).optional(),
  organization_name: text(255).optional(),
  attention: text(255).optional(),
})

export const merchantUrlsSchema = z.looseObject({
  confirmation: text(2000).optional(),
  notification: text(2000).optional(),
  push: text(2000).optional(),
  authorization: text(2000).optional(),
})

const purchaseFields = {
  purchase_country: z.string().regex(/^[A-Za-z]{2}$/),
  purchase_currency: z.string().regex(/^[A-Za-z]{3}$/),
  locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z]{2})?$/).optional(),
  order_amount: amount,
  order_tax_amount: amount.optional(),
  // Line shape and arithmetic are checked by validateOrderAmounts.
  order_lines: z.array(z.unknown()),
  merchant_reference1: text(255).optional(),
  merchant_reference2: text(255).optional(),
  merchant_data: text(6000).optional(),
  merchant_urls: merchantUrlsSchema.optional(),
  billing_address: addressSchema.optional(),
  shipping_address: addressSchema.optional(),
  customer: z.looseObject({}).optional(),
  options: z.looseObject({}).optional(),
  intent: z.enum(["buy", "tokenize", "buy_and_tokenize"]).optional(),
  acquiring_channel: z.enum(["ECOMMERCE", "IN_STORE", "TELESALES"]).optional(),
}

export const sessionCreateSchema = z.looseObject(purchaseFields)
export const sessionUpdateSchema = z.looseObject(purchaseFields).partial()
export const createOrderSchema = z.looseObject({ ...purchaseFields, auto_capture: z.boolean().optional() })

export const shippingInfoSchema = z.looseObject({
  shipping_company: text(100).optional(),
  shipping_method: z
    .enum([
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
    ])
    .optional(),
  tracking_number: text(100).optional(),
  tracking_uri: text(1024).optional(),
  return_shipping_company: text(100).optional(),
  return_tracking_number: text(100).optional(),
  return_tracking_uri: text(1024).optional(),
})

export const captureSchema = z.looseObject({
  captured_amount: amount,
  description: text(255).optional(),
  order_lines: z.array(z.unknown()).max(1000).optional(),
  reference: text(255).optional(),
  shipping_info: z.array(shippingInfoSchema).max(500).optional(),
  shipping_delay: z.int().min(0).optional(),
})

export const refundSchema = z.looseObject({
  refunded_amount: amount,
  description: text(255).optional(),
  order_lines: z.array(z.unknown()).max(1000).optional(),
  reference: text(255).optional(),
})

export const updateAuthorizationSchema = z.looseObject({
  order_amount: amount,
  description: text(255).optional(),
  order_lines: z.array(z.unknown()).max(1000).optional(),
})

export const merchantReferencesSchema = z.looseObject({
  merchant_reference1: text(255).optional(),
  merchant_reference2: text(255).optional(),
})

export const shippingInfoUpdateSchema = z.looseObject({
  shipping_info: z.array(shippingInfoSchema).min(1).max(500),
})

export const customerDetailsSchema = z.looseObject({
  shipping_address: addressSchema.optional(),
})

export type SessionCreateInput = z.infer<typeof sessionCreateSchema>
export type CreateOrderInput = z.infer<typeof createOrderSchema>
export type CaptureInput = z.infer<typeof captureSchema>
export type RefundInput = z.infer<typeof refundSchema>
export type UpdateAuthorizationInput = z.infer<typeof updateAuthorizationSchema>
export type Address = z.infer<typeof addressSchema>
export type MerchantUrls = z.infer<typeof merchantUrlsSchema>
export type ShippingInfo = z.infer<typeof shippingInfoSchema>
