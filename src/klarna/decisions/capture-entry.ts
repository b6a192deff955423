import type { KlarnaCaptureRecord, KlarnaPaymentData } from "../types/payment-data"
import { klarnaMessages } from "../messages"

export type CapturedPayment = { id: string; provider_id: string; data: KlarnaPaymentData }

/** What completing the entry needs: where to read the reference, and the entry's own figures for its message. */
export type PendingCaptureReference = { provider_id: string; klarna_order_id: string; klarna_capture_id: string; amount: number; currency_code: string }

export type CaptureEntry = {
  outcome: "succeeded"
  payment_id: string
  amount: number
  currency_code: string
  klarna_order_id: string
  klarna_capture_id: string
  klarna_reference?: string
  message: string
  /** Klarna's capture answer carries no capture reference: what to read to complete the entry, if it is unknown. */
  capture_reference_pending: PendingCaptureReference | null
}

/**
 * The event-log entry of a capture Medusa has just recorded, from the payment
 * as the provider left it (its newest capture record). It names the capture's
 * own Klarna reference when the plugin already knows it; otherwise the order's
 * reference stands in until the capture's has been read.
 */
export function captureEntry(
  resolution: { payment_id: string; amount: number; currency_code: string; klarna_order_id: string },
  payment: CapturedPayment | undefined
): CaptureEntry {
  const record: KlarnaCaptureRecord | undefined = payment?.data.captures?.[payment.data.captures.length - 1]
  const captureId = record?.capture_id ?? "unknown"
  const known = record?.klarna_reference
  const { amount, currency_code } = resolution
  return {
    outcome: "succeeded",
    payment_id: resolution.payment_id,
    amount,
    currency_code,
    klarna_order_id: resolution.klarna_order_id,
    klarna_capture_id: captureId,
    klarna_reference: known ?? payment?.data.klarna_reference,
    message: record?.adopted ? klarnaMessages.adoptedCapture(amount, currency_code, captureId) : klarnaMessages.captured(amount, currency_code, captureId, known),
    capture_reference_pending:
      payment && record && !record.adopted && !known
        ? { provider_id: payment.provider_id, klarna_order_id: resolution.klarna_order_id, klarna_capture_id: record.capture_id, amount, currency_code }
        : null,
  }
}
