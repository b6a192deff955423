import type { KustomCheckoutInput } from "../kustom/checkout-request"
import type { KlarnaOrderLine } from "../validation/order-line-rules"
import type { RefundableOrder } from "../decisions/refund-decision"

/** The four payment methods the order-management toggles are set for. */
export const KLARNA_PAYMENT_METHODS = ["klarna_checkout", "pay_later", "pay_over_time", "pay_now"] as const
export type KlarnaPaymentMethod = (typeof KLARNA_PAYMENT_METHODS)[number]

export type KlarnaOrderStatus = "AUTHORIZED" | "PART_CAPTURED" | "CAPTURED" | "CANCELLED" | "EXPIRED" | "CLOSED"

/** What the plugin builds server-side from the cart, and sends to Klarna as session/order body. */
export interface KlarnaSessionInput {
  purchase_country: string
  purchase_currency: string
  locale: string
  order_amount: number
  order_tax_amount: number
  order_lines: KlarnaOrderLine[]
  billing_address?: Record<string, string>
  shipping_address?: Record<string, string>
  merchant_reference2?: string
}

export interface KlarnaCaptureRecord {
  capture_id: string
  /** Medusa capture id (capt_…) this Klarna capture backs, when known. */
  medusa_capture_id?: string
  amount: number
  klarna_reference?: string
  captured_at?: string
  /** true when the capture was made outside Medusa (Klarna portal) and adopted. */
  adopted?: boolean
}

export interface KlarnaRefundRecord {
  refund_id: string
  medusa_refund_id?: string
  amount: number
  refunded_at?: string
  adopted?: boolean
  /** "full" (the captured lines), "lines" (returned items), "goodwill" (an amount split by VAT rate) */
  kind?: KlarnaRefundKind
  /** e.g. "good-will, 25 % VAT" or "items: 1 × Klarna T-shirt" */
  summary?: string
}

export type KlarnaRefundKind = "full" | "lines" | "goodwill"

/** What the next refund of exactly `amount` sends to Klarna, planned with the order in view. */
export interface KlarnaRefundPlan {
  amount: number
  kind: KlarnaRefundKind
  order_lines: KlarnaOrderLine[]
  summary: string
  return_ids?: string[]
  /**
   * Klarna's order as read for this plan, moments before Medusa refunds:
   * the provider decides on it instead of reading the order again, while
   * no write to the order is unanswered and the read is fresh.
   */
  observed?: KlarnaObservedOrder
}

/** The parts of Klarna's order a refund decision reads, and when they were read. */
export type KlarnaObservedOrder = RefundableOrder & { read_at: string }

/** Everything the provider keeps in a Medusa payment session's / payment's `data`. */
export interface KlarnaPaymentData extends Record<string, unknown> {
  /** Medusa payment session id, added by the payment module. */
  session_id?: string
  klarna_session?: KlarnaSessionInput
  klarna_session_id?: string
  /** Kustom Checkout: the cart's lines as the server built them, the cart, and the checkout order the shopper pays in. */
  kustom_checkout?: KustomCheckoutInput
  kustom_checkout_order_id?: string
  /** Kustom's iframe markup for the storefront to render. */
  html_snippet?: string | null
  /** When the Kustom order was acknowledged (Kustom stops its push then). */
  kustom_acknowledged_at?: string
  client_token?: string
  payment_method_categories?: Array<{ identifier: string; name?: string }>
  authorization_token?: string
  klarna_order_id?: string
  klarna_reference?: string
  klarna_status?: KlarnaOrderStatus
  fraud_status?: string
  /** Klarna held the order for fraud review (fraud_status PENDING) at some point; its decision is then notified. */
  held_for_fraud_review?: boolean
  payment_method?: KlarnaPaymentMethod
  authorized_payment_method_type?: string
  currency_code?: string
  order_amount?: number
  captured_amount?: number
  refunded_amount?: number
  remaining_authorized_amount?: number
  expires_at?: string
  /** Klarna's order lines as last read (a full capture sends them). */
  order_lines?: KlarnaOrderLine[]
  environment?: string
  region?: string
  captures?: KlarnaCaptureRecord[]
  refunds?: KlarnaRefundRecord[]
  /** Set when Medusa asked to cancel the payment; Klarna is acted on by the order-management workflows. */
  cancel_requested_at?: string
  /** Order lines / tracking to send with the next capture of exactly `amount` (fulfilment captures). */
  /** null once used: Medusa merges payment data on update, so a plan is cleared, not left out. */
  capture_plan?: KlarnaCapturePlan | null
  refund_plan?: KlarnaRefundPlan | null
  /** Set by the WooCommerce importer while it replays an order's history: record, never call Klarna. */
  import_replay?: boolean
  /** Set on payments imported from another shop system ("woocommerce"). */
  imported_from?: string
  /** Klarna capture ids known from WooCommerce, used when the history is replayed. */
  import_capture_ids?: string[]
  /** The merchant references the plugin set on Klarna's order (what Klarna is known to hold). */
  merchant_references?: { merchant_reference1?: string; merchant_reference2?: string }
  /** Medusa returns already refunded to Klarna line by line. */
  refunded_return_ids?: string[]
}

export interface KlarnaCapturePlan {
  amount: number
  order_lines?: KlarnaOrderLine[]
  shipping_info?: Array<{ shipping_company?: string; shipping_method?: string; tracking_number?: string; tracking_uri?: string }>
  description?: string
}
