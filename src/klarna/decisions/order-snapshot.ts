import type { KlarnaOrderStatus, KlarnaPaymentData } from "../types/payment-data"
import type { KlarnaOrderLine } from "../validation/order-line-rules"
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
  order_lines?: KlarnaOrderLine[] | null
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
    order_lines: order.order_lines ?? data.order_lines,
    // Sticky: later snapshots overwrite fraud_status, but a fraud notification must know the order was held.
    ...(data.held_for_fraud_review || isFraudPending(order.fraud_status) ? { held_for_fraud_review: true } : {}),
  }
}

/*
 * Klarna answers a capture, refund, cancel or release with an id and no
 * order, and its guidance is to trust that answer rather than read the order
 * again: the snapshot moves by what the write did, as Klarna's order does.
 */

export function snapshotAfterCapture<T extends KlarnaPaymentData>(data: T, amount: number): T {
  const captured = (data.captured_amount ?? 0) + amount
  const remaining = Math.max(0, (data.remaining_authorized_amount ?? 0) - amount)
  return { ...data, captured_amount: captured, remaining_authorized_amount: remaining, klarna_status: remaining > 0 ? "PART_CAPTURED" : "CAPTURED" }
}

export function snapshotAfterRefund<T extends KlarnaPaymentData>(data: T, amount: number): T {
  return { ...data, refunded_amount: (data.refunded_amount ?? 0) + amount }
}

export function snapshotAfterCancel<T extends KlarnaPaymentData>(data: T): T {
  return { ...data, klarna_status: "CANCELLED", remaining_authorized_amount: 0 }
}

export function snapshotAfterRelease<T extends KlarnaPaymentData>(data: T): T {
  return { ...data, klarna_status: "CAPTURED", remaining_authorized_amount: 0 }
}
