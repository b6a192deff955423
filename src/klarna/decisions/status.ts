import { PaymentSessionStatus } from "@medusajs/framework/utils"
import type { KlarnaOrderStatus } from "../types/payment-data"
import { isFraudPending, isFraudRejected } from "./fraud-status"

export interface KlarnaOrderState {
  status: KlarnaOrderStatus | string
  fraud_status?: string | null
  captured_amount: number
  expires_at?: string | null
}

export function isExpired(order: Pick<KlarnaOrderState, "status" | "expires_at">, now = new Date()): boolean {
  return order.status === "EXPIRED" || (!!order.expires_at && new Date(order.expires_at).getTime() <= now.getTime())
}

/** Maps a live Klarna order to Medusa's payment session status. */
export function toMedusaPaymentStatus(order: KlarnaOrderState): PaymentSessionStatus {
  if (isFraudRejected(order.fraud_status)) {
    return order.captured_amount > 0 ? PaymentSessionStatus.CAPTURED : PaymentSessionStatus.ERROR
  }
  switch (order.status) {
    case "CAPTURED":
      return PaymentSessionStatus.CAPTURED
    case "CANCELLED":
      return PaymentSessionStatus.CANCELED
    case "CLOSED":
      return order.captured_amount > 0 ? PaymentSessionStatus.CAPTURED : PaymentSessionStatus.CANCELED
    case "EXPIRED":
      return order.captured_amount > 0 ? PaymentSessionStatus.CAPTURED : PaymentSessionStatus.CANCELED
    case "AUTHORIZED":
    case "PART_CAPTURED":
      if (isFraudPending(order.fraud_status)) {
        return PaymentSessionStatus.PENDING_AUTHORIZATION
      }
      if (order.status === "AUTHORIZED" && isExpired(order)) {
        return PaymentSessionStatus.CANCELED
      }
      return PaymentSessionStatus.AUTHORIZED
    default:
      return PaymentSessionStatus.ERROR
  }
}
