import { z } from "zod"
import { addressSchema, amount } from "../domain/schemas"

const url = z.string().min(1).max(2000)

/** Checkout v3 `merchant_urls`: terms, checkout, confirmation and push are required. */
export const kustomMerchantUrlsSchema = z.looseObject({
  terms: url,
  checkout: url,
  confirmation: url,
  push: url,
  // Kustom demands https here; the simulator also takes http so a local merchant can answer.
  validation: url.optional(),
  notification: url.optional(),
  cancellation_terms: url.optional(),
  shipping_option_update: url.optional(),
  address_update: url.optional(),
  country_change: url.optional(),
})

const text = (max: number) => z.string().max(max)

/** Checkout v3 `order` as the merchant sends it (read-only fields are ignored). */
export const checkoutOrderSchema = z.looseObject({
  purchase_country: z.string().regex(/^[A-Za-z]{2}$/),
  purchase_currency: z.string().regex(/^[A-Za-z]{3}$/),
  locale: z.string().regex(/^[A-Za-z]{2}(?:-[A-Za-z]{2})*$/),
  order_amount: amount,
  order_tax_amount: amount,
  // Line shape and arithmetic are checked by assertCheckoutAmounts.
  order_lines: z.array(z.unknown()).max(1000),
  merchant_urls: kustomMerchantUrlsSchema,
  merchant_reference1: text(255).optional(),
  merchant_reference2: text(255).optional(),
  merchant_data: text(6000).optional(),
  billing_address: addressSchema.optional(),
  shipping_address: addressSchema.optional(),
  customer: z.looseObject({}).optional(),
  options: z.looseObject({}).optional(),
})

/** Update: any subset of the order; what is left out stays as it was. */
export const checkoutOrderUpdateSchema = checkoutOrderSchema.partial()

/** Server-set fields of the order resource; a client sending them back is not overwriting anything. */
export const READ_ONLY_CHECKOUT_FIELDS = [
  "order_id",
  "status",
  "html_snippet",
  "started_at",
  "completed_at",
  "last_modified_at",
  "name",
  "recurring_token",
  "recurring_description",
] as const

export type CheckoutOrderInput = z.infer<typeof checkoutOrderSchema>
export type KustomMerchantUrls = z.infer<typeof kustomMerchantUrlsSchema>
