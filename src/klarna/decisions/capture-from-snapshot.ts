import type { KlarnaPaymentData } from "../types/payment-data"
import type { KlarnaOrderLine } from "../validation/order-line-rules"
import { normalizeFraudStatus } from "./fraud-status"
import { isExpired } from "./status"

export interface SnapshotCapture {
  amount: number
  orderLines?: KlarnaOrderLine[]
}

/**
 * The capture that Klarna's order, as the plugin last knew it, allows outright:
 * open, accepted, not expired, with `requested` minor units left to capture.
 * Anything else (a refusal to explain, money to adopt, a snapshot without the
 * figures) is left to the decision on Klarna's live order: undefined.
 */
export function captureFromSnapshot(data: KlarnaPaymentData, requested: number, now = new Date()): SnapshotCapture | undefined {
  const { klarna_status: status, order_amount, captured_amount, remaining_authorized_amount: remaining } = data
  if (status !== "AUTHORIZED" && status !== "PART_CAPTURED") return undefined
  if (normalizeFraudStatus(data.fraud_status) !== "ACCEPTED") return undefined
  if (isExpired({ status, expires_at: data.expires_at }, now)) return undefined
  if (![order_amount, captured_amount, remaining].every((n) => Number.isSafeInteger(n))) return undefined
  if (!Number.isSafeInteger(requested) || requested <= 0 || requested > remaining!) return undefined
  const full = captured_amount === 0 && requested === order_amount
  if (!full) return { amount: requested }
  return data.order_lines?.length ? { amount: requested, orderLines: data.order_lines } : undefined
}
