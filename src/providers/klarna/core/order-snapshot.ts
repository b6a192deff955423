import type { KlarnaOrderStatus, KlarnaPaymentData } from "../types/payment-data"
import { isFraudPending } from "./fraud-status"

export interface KlarnaOrderSnapshot {
  order_id: string
  status: string
  fraud_status?: string | null
  klarna_reference?: string | null
  order_amount: number
  captured_amount: number
  refunded_amount: number
  remaining_authorized_amount: number
  purchase_currency: string
  expires_at?: string | null
}

/** Copies the live Klarna order's state into the payment data Medusa stores. */
export function applyOrderSnapshot<T extends KlarnaPaymentData>(data: T, order: KlarnaOrderSnapshot): T {
  return {
    ...data,
    klarna_order_id: order.order_id,
    klarna_reference: order.klarna_reference ?? data.klarna_reference,
    klarna_status: order.status as KlarnaOrderStatus,
    fraud_status: order.fraud_status ?? data.fraud_status,
    currency_code: order.purchase_currency.toLowerCase(),
    order_amount: order.order_amount,
    captured_amount: order.captured_amount,
    refunded_amount: order.refunded_amount,
    remaining_authorized_amount: order.remaining_authorized_amount,
    expires_at: order.expires_at ?? data.expires_at,
    // Sticky: later snapshots overwrite fraud_status, but a fraud notification must know the order was held.
    ...(data.held_for_fraud_review || isFraudPending(order.fraud_status) ? { held_for_fraud_review: true } : {}),
  }
}
