import { generateEntityId } from "@medusajs/framework/utils"
import { importedPaymentInput, type ImportedOrderDraft, type PaymentTruth } from "../../../woocommerce"
import { fromMinorUnitsToString } from "../../../klarna/utils/currency"
import { importedCapture, importedRefund } from "../../../providers/klarna/core/import-replay"
import type { KlarnaPaymentData } from "../../../klarna/types/payment-data"

type Data = Record<string, unknown>

/** The payment module's rows for one imported order, as they stand after the per-order path's replay. */
export type ImportedPaymentRows = {
  collection: {
    id: string
    currency_code: string
    amount: string
    status: "authorized" | "completed" | "canceled"
    authorized_amount: string
    captured_amount: string
    refunded_amount: string
    completed_at: Date | null
  }
  session: { id: string; payment_collection_id: string; provider_id: string; amount: string; currency_code: string; data: Data; status: "authorized"; authorized_at: Date }
  payment: {
    id: string
    payment_collection_id: string
    payment_session_id: string
    provider_id: string
    amount: string
    currency_code: string
    data: Data
    captured_at: Date | null
    canceled_at: Date | null
  }
  captures: Array<{ id: string; payment_id: string; amount: string; metadata: Data | null }>
  refunds: Array<{ id: string; payment_id: string; amount: string; note: string; metadata: Data | null }>
  managed_in_klarna: boolean
}

/**
 * Whether Medusa's ledger takes the replay as the per-order path makes it;
 * otherwise (a capture above the total, a refund of nothing or of more than
 * was captured) the payment module refuses, and the order is left to that
 * path so it fails there with the module's own reason.
 */
export function replayFitsLedger(draft: ImportedOrderDraft, truth: PaymentTruth): boolean {
  let refunded = 0
  for (const refund of truth.refunds) {
    refunded += refund.amount
    if (!(refund.amount > 0) || refunded > truth.captured) return false
  }
  return truth.captured >= 0 && truth.captured <= draft.totals.total
}

/**
 * What the per-order path leaves in the payment module for an imported order
 * (session created and authorized through the provider, then capture, refunds
 * and cancellation replayed one call at a time, the import replay finished),
 * computed at once so it can be written in bulk. The Klarna provider's replay
 * records are its own functions; the system provider keeps no payment data.
 */
export function importedPaymentRows(draft: ImportedOrderDraft, truth: PaymentTruth, now: Date, newId = (prefix: string) => generateEntityId(undefined, prefix)): ImportedPaymentRows {
  const { managed_in_klarna, provider_id, amount, currency_code, data } = importedPaymentInput(draft)
  const money = (minor: number) => fromMinorUnitsToString(minor, currency_code)
  const ids = { collection: newId("pay_col"), session: newId("payses"), payment: newId("pay") }
  const sessionData = managed_in_klarna ? { ...data, session_id: ids.session } : data
  let paymentData: Data = managed_in_klarna ? sessionData : {}

  const captures: ImportedPaymentRows["captures"] = []
  if (truth.captured > 0) {
    const id = newId("capt")
    let metadata: Data | null = null
    if (managed_in_klarna) {
      const recorded = importedCapture(paymentData as KlarnaPaymentData, { id, amount: truth.captured })
      paymentData = recorded.data as Data
      metadata = { klarna: recorded.adoption }
    }
    captures.push({ id, payment_id: ids.payment, amount: money(truth.captured), metadata })
  }
  const refunds: ImportedPaymentRows["refunds"] = []
  for (const refund of truth.refunds) {
    const id = newId("ref")
    let metadata: Data | null = null
    if (managed_in_klarna) {
      const recorded = importedRefund(paymentData as KlarnaPaymentData, { id, amount: refund.amount })
      paymentData = recorded.data as Data
      metadata = { klarna: recorded.adoption }
    }
    refunds.push({ id, payment_id: ids.payment, amount: money(refund.amount), note: refund.reason ?? "Refunded in WooCommerce", metadata })
  }
  const canceled = truth.canceled && truth.captured === 0
  if (canceled && managed_in_klarna) {
    paymentData = { ...paymentData, cancel_requested_at: (paymentData.cancel_requested_at as string | undefined) ?? now.toISOString() }
  }
  if (managed_in_klarna) {
    paymentData = { ...paymentData, import_replay: false, import_capture_ids: null }
  }

  const fullyCaptured = truth.captured >= draft.totals.total
  const refunded = truth.refunds.reduce((sum, r) => sum + r.amount, 0)
  return {
    collection: {
      id: ids.collection,
      currency_code,
      amount,
      // Canceled as Medusa's own order cancel leaves it; amounts and dates as the authorization left them.
      status: canceled ? "canceled" : fullyCaptured ? "completed" : "authorized",
      authorized_amount: amount,
      captured_amount: money(truth.captured),
      refunded_amount: money(refunded),
      completed_at: fullyCaptured ? now : null,
    },
    session: { id: ids.session, payment_collection_id: ids.collection, provider_id, amount, currency_code, data: sessionData, status: "authorized", authorized_at: now },
    payment: {
      id: ids.payment,
      payment_collection_id: ids.collection,
      payment_session_id: ids.session,
      provider_id,
      amount,
      currency_code,
      data: paymentData,
      captured_at: captures.length && fullyCaptured ? now : null,
      canceled_at: canceled ? now : null,
    },
    captures,
    refunds,
    managed_in_klarna,
  }
}
