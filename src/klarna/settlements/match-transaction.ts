/**
 * Matches one settlement transaction to Medusa. SALE rows are captures and RETURN rows refunds:
 * by Klarna's capture/refund id first, then by the merchant reference the plugin sent (Medusa's
 * capture/refund id). Any other row is attached to the capture, refund or order it names.
 */
import type { KlarnaSettlementTransaction } from "../client/settlements-schemas"
import { orderOf, type MedusaIndex } from "./medusa-index"
import type { MatchedBy, MedusaCaptureRecord, MedusaRefundRecord, TransactionMatch } from "./types"

type Found<T> = { record: T; by: MatchedBy } | undefined

export function findCapture(t: KlarnaSettlementTransaction, ix: MedusaIndex): Found<MedusaCaptureRecord> {
  const byKlarna = t.capture_id ? ix.captureByKlarnaId.get(t.capture_id) : undefined
  if (byKlarna) return { record: byKlarna, by: "capture_id" }
  const byRef = t.merchant_capture_reference ? ix.captureByMedusaId.get(t.merchant_capture_reference) : undefined
  return byRef ? { record: byRef, by: "merchant_capture_reference" } : undefined
}

export function findRefund(t: KlarnaSettlementTransaction, ix: MedusaIndex): Found<MedusaRefundRecord> {
  const byKlarna = t.refund_id ? ix.refundByKlarnaId.get(t.refund_id) : undefined
  if (byKlarna) return { record: byKlarna, by: "refund_id" }
  const byRef = t.merchant_refund_reference ? ix.refundByMedusaId.get(t.merchant_refund_reference) : undefined
  return byRef ? { record: byRef, by: "merchant_refund_reference" } : undefined
}

const sameCurrency = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase()

function compared(
  t: KlarnaSettlementTransaction,
  record: MedusaCaptureRecord | MedusaRefundRecord,
  by: MatchedBy
): Omit<TransactionMatch, "medusa_capture_id" | "medusa_refund_id"> {
  // Klarna's sign convention for returns and fees is not documented; the row's type says the direction.
  const difference = Math.abs(t.amount) - record.amount
  const differs = difference !== 0 || !sameCurrency(t.currency_code, record.currency_code)
  return {
    transaction: t,
    state: differs ? "amount_differs" : "matched",
    matched_by: by,
    order: orderOf(record),
    medusa_amount: record.amount,
    medusa_currency_code: record.currency_code,
    difference,
  }
}

export function matchTransaction(t: KlarnaSettlementTransaction, ix: MedusaIndex): TransactionMatch {
  const knownOrder = t.order_id ? ix.orderByKlarnaId.get(t.order_id) : undefined
  if (t.type === "SALE") {
    const found = findCapture(t, ix)
    if (found) return { ...compared(t, found.record, found.by), medusa_capture_id: found.record.medusa_capture_id }
    return { transaction: t, state: "unmatched", ...(knownOrder ? { order: knownOrder, matched_by: "order_id" as const } : {}) }
  }
  if (t.type === "RETURN") {
    const found = findRefund(t, ix)
    if (found) return { ...compared(t, found.record, found.by), medusa_refund_id: found.record.medusa_refund_id }
    return { transaction: t, state: "unmatched", ...(knownOrder ? { order: knownOrder, matched_by: "order_id" as const } : {}) }
  }
  const capture = findCapture(t, ix)
  if (capture) {
    return { transaction: t, state: "attached", matched_by: capture.by, order: orderOf(capture.record), medusa_capture_id: capture.record.medusa_capture_id }
  }
  const refund = findRefund(t, ix)
  if (refund) {
    return { transaction: t, state: "attached", matched_by: refund.by, order: orderOf(refund.record), medusa_refund_id: refund.record.medusa_refund_id }
  }
  if (knownOrder) return { transaction: t, state: "attached", matched_by: "order_id", order: knownOrder }
  return { transaction: t, state: "unattached" }
}
