import type { KlarnaOrderLine } from "../../../src/klarna/validation/order-line-rules"
import type { Address } from "../domain/schemas"
import type { KustomMerchantUrls } from "../kustom/checkout-schemas"

/**
 * Kustom checkout order statuses. "checkout_aborted" is the simulator's name for an order the
 * merchant aborted (Kustom's spec leaves status a free string): it can be read, never completed.
 */
export type CheckoutStatus = "checkout_incomplete" | "checkout_complete" | "checkout_aborted"

/** The purchase a checkout order carries (validated create/update body). */
export interface CheckoutPurchase {
  purchase_country: string
  purchase_currency: string
  locale: string
  order_amount: number
  order_tax_amount: number
  order_lines: KlarnaOrderLine[]
  merchant_urls: KustomMerchantUrls
  merchant_reference1?: string
  merchant_reference2?: string
  merchant_data?: string
  billing_address?: Address
  shipping_address?: Address
  customer?: Record<string, unknown>
  options?: Record<string, unknown>
  /** Other spec fields (gui, shipping_options, attachment, ...) are kept and echoed as given. */
  [field: string]: unknown
}

export interface SimCheckout {
  order_id: string
  status: CheckoutStatus
  purchase: CheckoutPurchase
  html_snippet: string
  started_at: string
  last_modified_at: string
  completed_at?: string
  /** Simulator-only: an incomplete checkout is gone after this time (48 h after its last update). */
  expires_at: string
  /** Simulator-only: a completion is waiting for the merchant's validation callback. */
  completing: boolean
}

export interface PushAttempt {
  order_id: string
  url: string
  at: string
  trigger: "schedule" | "manual"
  delivered: boolean
  status?: number
  error?: string
}
