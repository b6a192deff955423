import { MedusaError } from "@medusajs/framework/utils"
import type { KlarnaOrderLine } from "../validation/order-line-rules"
import type { KlarnaCaptureRecord } from "../types/payment-data"
import type { KlarnaLedgerItem } from "./unowned-amount"
import { formatMinorUnits } from "../utils/currency"
import { isExpired } from "./status"
import { isFraudPending, isFraudRejected, normalizeFraudStatus } from "./fraud-status"

export interface CapturableOrder {
  status: string
  fraud_status?: string | null
  order_amount: number
  captured_amount: number
  remaining_authorized_amount: number
  purchase_currency: string
  expires_at?: string | null
  order_lines?: KlarnaOrderLine[] | null
  captures?: Array<{ capture_id: string; captured_amount: number; reference?: string | null; klarna_reference?: string | null; captured_at?: string | null }> | null
}

export type CaptureDecision =
  | { action: "none"; records: KlarnaCaptureRecord[] }
  | { action: "capture"; amount: number; orderLines?: KlarnaOrderLine[]; adopted: KlarnaCaptureRecord[] }

const notAllowed = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)

/**
 * Decides what a Medusa capture of `requested` minor units needs in Klarna,
 * given the live Klarna order and how much of Klarna's captured amount no
 * Medusa capture accounts for (`unowned`, see unownedKlarnaAmount). That money
 * (captured in Klarna's portal, or by a Medusa capture whose request failed
 * after Klarna captured) is adopted before anything new is captured, so money
 * is never taken twice and never claimed twice.
 */
export function decideCapture(input: {
  order: CapturableOrder
  requested?: number
  unowned: { amount: number; latest?: KlarnaLedgerItem }
  medusaCaptureId?: string
}): CaptureDecision {
  const { order, medusaCaptureId } = input
  const captures = order.captures ?? []
  const fmt = (m: number) => formatMinorUnits(m, order.purchase_currency)

  const sameOperation = medusaCaptureId ? captures.find((c) => c.reference === medusaCaptureId) : undefined
  if (sameOperation) {
    return {
      action: "none",
      records: [
        {
          capture_id: sameOperation.capture_id,
          medusa_capture_id: medusaCaptureId,
          amount: sameOperation.captured_amount,
          klarna_reference: sameOperation.klarna_reference ?? undefined,
          captured_at: sameOperation.captured_at ?? undefined,
        },
      ],
    }
  }

  const fraud = normalizeFraudStatus(order.fraud_status)
  if (isFraudPending(fraud)) {
    throw notAllowed("Klarna order is pending review and could not be captured at this time.")
  }
  if (isFraudRejected(fraud)) {
    throw notAllowed(
      `Klarna has flagged this order as high risk (fraud status ${fraud}). Do not ship it; it cannot be captured.`
    )
  }
  if (order.status === "CANCELLED") {
    throw notAllowed("Klarna order failed to capture, the order has already been canceled.")
  }

  const unallocated = input.unowned.amount
  const amount = input.requested ?? order.remaining_authorized_amount + unallocated
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw notAllowed(`Nothing is left to capture on this Klarna order (captured ${fmt(order.captured_amount)} of ${fmt(order.order_amount)}).`)
  }

  const adopted: KlarnaCaptureRecord[] = []
  if (unallocated > 0) {
    const latest = captures.find((c) => c.capture_id === input.unowned.latest?.id)
    adopted.push({
      capture_id: latest?.capture_id ?? "unknown",
      medusa_capture_id: medusaCaptureId,
      amount: Math.min(unallocated, amount),
      klarna_reference: latest?.klarna_reference ?? undefined,
      captured_at: latest?.captured_at ?? undefined,
      adopted: true,
    })
    if (unallocated >= amount) {
      return { action: "none", records: adopted }
    }
  }

  const toCapture = amount - (adopted[0]?.amount ?? 0)
  if (isExpired(order)) {
    throw notAllowed(
      `The Klarna authorization expired${order.expires_at ? ` on ${order.expires_at.slice(0, 10)}` : ""}; the order can no longer be captured.`
    )
  }
  if (toCapture > order.remaining_authorized_amount) {
    throw notAllowed(
      `Could not capture Klarna order: the amount ${fmt(toCapture)} is higher than the remaining authorized amount ${fmt(
        order.remaining_authorized_amount
      )}.`
    )
  }
  const isFullCapture = order.captured_amount === 0 && toCapture === order.order_amount
  return {
    action: "capture",
    amount: toCapture,
    orderLines: isFullCapture && order.order_lines?.length ? order.order_lines : undefined,
    adopted,
  }
}
