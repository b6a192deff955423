import { z } from "zod"
import { klarnaAddressSchema, klarnaOrderLineSchema } from "./schemas"

// ---------------------------------------------------------------- Checkout v3 (Kustom)

const amount = z.number().int().min(0).max(200_000_000)
const url = z.string().max(2000)

/** Kustom's merchant URLs: `{checkout.order.id}` in any of them is replaced with the checkout order's id. */
export const kustomCheckoutMerchantUrlsSchema = z.object({
  terms: url,
  checkout: url,
  confirmation: url,
  push: url,
  validation: url.optional(),
  notification: url.optional(),
})
export type KustomCheckoutMerchantUrls = z.infer<typeof kustomCheckoutMerchantUrlsSchema>

/** Checkout v3 lines carry tax too: `tax_rate` and `total_tax_amount` are required there. */
const checkoutLineSchema = klarnaOrderLineSchema.extend({ tax_rate: z.number().int(), total_tax_amount: z.number().int() })

export const kustomCheckoutOrderRequestSchema = z.object({
  purchase_country: z.string().length(2),
  purchase_currency: z.string().length(3),
  locale: z.string(),
  order_amount: amount,
  order_tax_amount: amount,
  order_lines: z.array(checkoutLineSchema).min(1).max(1000),
  merchant_urls: kustomCheckoutMerchantUrlsSchema,
  merchant_reference1: z.string().max(255).optional(),
  merchant_reference2: z.string().max(255).optional(),
  merchant_data: z.string().max(6000).optional(),
  billing_address: klarnaAddressSchema.optional(),
  shipping_address: klarnaAddressSchema.optional(),
})
export type KustomCheckoutOrderRequest = z.infer<typeof kustomCheckoutOrderRequestSchema>

/** An update sends only what changed; the merchant URLs stay as created. */
export const kustomCheckoutOrderUpdateSchema = kustomCheckoutOrderRequestSchema.omit({ merchant_urls: true }).partial()
export type KustomCheckoutOrderUpdate = z.infer<typeof kustomCheckoutOrderUpdateSchema>

export const kustomCheckoutOrderSchema = z.looseObject({
  order_id: z.string().min(1),
  /** `checkout_incomplete` until the shopper has paid, then `checkout_complete`. */
  status: z.string().transform((s) => s.toLowerCase()),
  html_snippet: z.string().nullish(),
  purchase_currency: z.string(),
  order_amount: z.number().int(),
  order_tax_amount: z.number().int().nullish(),
  order_lines: z.array(z.looseObject({ reference: z.string().nullish(), quantity: z.number(), total_amount: z.number().int() })).default([]),
  merchant_reference1: z.string().nullish(),
  merchant_reference2: z.string().nullish(),
  merchant_data: z.string().nullish(),
})
export type KustomCheckoutOrder = z.infer<typeof kustomCheckoutOrderSchema>
