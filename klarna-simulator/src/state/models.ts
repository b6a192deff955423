import type { KlarnaOrderLine } from "../../../src/klarna/validation/order-line-rules"
import type { Address, MerchantUrls, ShippingInfo } from "../domain/schemas"
import type { Realm } from "../realm"

export type FraudStatus = "ACCEPTED" | "PENDING" | "REJECTED"
export type OrderStatus = "AUTHORIZED" | "PART_CAPTURED" | "CAPTURED" | "CANCELLED" | "EXPIRED" | "CLOSED"
export type PaymentMethodCategory = "pay_later" | "pay_over_time" | "pay_now" | "klarna"

/** What a session or create-order request carries about the purchase (validated). */
export interface Purchase {
  purchase_country: string
  purchase_currency: string
  locale: string
  order_amount: number
  order_tax_amount?: number
  order_lines: KlarnaOrderLine[]
  merchant_reference1?: string
  merchant_reference2?: string
  merchant_data?: string
  merchant_urls?: MerchantUrls
  billing_address?: Address
  shipping_address?: Address
  customer?: Record<string, unknown>
  options?: Record<string, unknown>
  intent?: string
  acquiring_channel?: string
}

export interface SimSession {
  session_id: string
  client_token: string
  status: "incomplete" | "complete"
  created_at: string
  updated_at: string
  expires_at: string
  purchase: Purchase
  authorization_token?: string
  order_id?: string
}

export interface SimAuthorization {
  authorization_token: string
  session_id: string
  created_at: string
  expires_at: string
  payment_method_category: PaymentMethodCategory
  payment_method_type: string
  fraud_status: FraudStatus
  /** The purchase as it was when the customer authorized it. */
  authorized: Purchase
  deleted: boolean
  consumed?: {
    order_id: string
    /** Canonical JSON of the create-order body, to recognise an identical retry. */
    request: string
    response: CreateOrderResponse
  }
}

export interface AuthorizedPaymentMethod {
  type: string
  number_of_days?: number
  number_of_installments?: number
}

export interface CreateOrderResponse {
  order_id: string
  redirect_url: string
  fraud_status: FraudStatus
  authorized_payment_method: AuthorizedPaymentMethod
}

export interface InitialPaymentMethod {
  type: string
  description: string
  number_of_installments?: number
}

export interface SimCapture {
  capture_id: string
  klarna_reference: string
  captured_amount: number
  captured_at: string
  description?: string
  order_lines: KlarnaOrderLine[]
  reference?: string
  refunded_amount: number
  billing_address?: Address
  shipping_address?: Address
  shipping_info: ShippingInfo[]
}

export interface SimRefund {
  refund_id: string
  refunded_amount: number
  refunded_at: string
  description?: string
  order_lines: KlarnaOrderLine[]
  reference?: string
}

export interface SimNotification {
  url: string
  event_type: string
  at: string
  delivered: boolean
  status?: number
  error?: string
}

/** Simulator-only bookkeeping, not part of Klarna's order resource. */
export interface SimOrderInternals {
  /** Klarna Payments orders only: the session and token they were created from. */
  session_id?: string
  authorization_token?: string
  auto_capture: boolean
  acknowledged: boolean
  /** A FRAUD_RISK_STOPPED decision: never capturable again. */
  fraud_stopped: boolean
  notifications: SimNotification[]
  /** Set by /_sim/orders/:id/refuse-address-changes: Klarna's risk assessment refuses new shipping addresses. */
  refuse_address_changes?: string
}

export interface SimOrder {
  order_id: string
  /** Klarna Payments orders are "klarna"; orders from a Kustom checkout are "kustom". */
  realm: Realm
  klarna_reference: string
  status: OrderStatus
  fraud_status: FraudStatus
  order_amount: number
  original_order_amount: number
  captured_amount: number
  refunded_amount: number
  remaining_authorized_amount: number
  purchase_country: string
  purchase_currency: string
  locale: string
  order_lines: KlarnaOrderLine[]
  merchant_reference1?: string
  merchant_reference2?: string
  merchant_data?: string
  created_at: string
  expires_at: string
  captures: SimCapture[]
  refunds: SimRefund[]
  billing_address?: Address
  shipping_address?: Address
  customer?: Record<string, unknown>
  shipping_info: ShippingInfo[]
  initial_payment_method: InitialPaymentMethod
  merchant_urls?: MerchantUrls
  sim: SimOrderInternals
}
