import type { z } from "zod"
import type { Purchase } from "../state/models"
import { assertOrderAmounts, parseBody } from "./parse-body"
import { sessionCreateSchema } from "./schemas"

type PurchaseInput = z.infer<typeof sessionCreateSchema>

/** Validates a session or create-order body: field shapes first, then Klarna's order-line rules. */
export function parsePurchase<S extends z.ZodType<PurchaseInput>>(schema: S, body: unknown): { purchase: Purchase; input: z.infer<S> } {
  const input = parseBody(schema, body)
  return { purchase: toPurchase(input), input }
}

export function toPurchase(input: PurchaseInput): Purchase {
  const order_lines = assertOrderAmounts(input)
  return {
    purchase_country: input.purchase_country.toUpperCase(),
    purchase_currency: input.purchase_currency.toUpperCase(),
    locale: input.locale ?? "en-US",
    order_amount: input.order_amount,
    order_tax_amount: input.order_tax_amount,
    order_lines,
    merchant_reference1: input.merchant_reference1,
    merchant_reference2: input.merchant_reference2,
    merchant_data: input.merchant_data,
    merchant_urls: input.merchant_urls,
    billing_address: input.billing_address,
    shipping_address: input.shipping_address,
    customer: input.customer,
    options: input.options,
    intent: input.intent,
    acquiring_channel: input.acquiring_channel,
  }
}

/** Drops undefined fields so JSON answers only carry what was set. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
