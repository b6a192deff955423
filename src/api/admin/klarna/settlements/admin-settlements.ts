import type { KlarnaPayout } from "../../../../klarna/client/settlements-schemas"
import type { TransactionMatch } from "../../../../klarna/settlements"
import type { KlarnaPayoutRow, KlarnaSettlementTransactionRow } from "../../../../modules/klarna-settlements"

/** A stored payout as the admin routes answer it (amounts in minor units, `…_minor`). */
export function adminKlarnaPayout(p: KlarnaPayoutRow) {
  return {
    id: p.id,
    connection: p.connection,
    brand: p.brand,
    payment_reference: p.payment_reference,
    payout_date: p.payout_date,
    currency_code: p.currency_code,
    sale_amount_minor: p.sale_amount,
    return_amount_minor: p.return_amount,
    fee_amount_minor: p.fee_amount,
    settlement_amount_minor: p.settlement_amount,
    transaction_count: p.transaction_count,
    matched_count: p.matched_count,
    unmatched_count: p.unmatched_count,
    synced_at: p.synced_at,
  }
}

/** A stored settlement transaction as the admin routes answer it. */
export function adminSettlementTransaction(t: KlarnaSettlementTransactionRow) {
  return {
    id: t.id,
    payout_id: t.payout_id,
    payment_reference: t.payment_reference,
    type: t.type,
    detailed_type: t.detailed_type,
    amount_minor: t.amount,
    fee_amount_minor: t.fee_amount,
    currency_code: t.currency_code,
    capture_date: t.capture_date,
    klarna_order_id: t.klarna_order_id,
    klarna_capture_id: t.klarna_capture_id,
    klarna_refund_id: t.klarna_refund_id,
    medusa_order_id: t.medusa_order_id,
    medusa_order_display_id: t.medusa_order_display_id,
    medusa_capture_id: t.medusa_capture_id,
    medusa_refund_id: t.medusa_refund_id,
    match_state: t.match_state,
    matched_by: t.matched_by,
    medusa_amount_minor: t.medusa_amount,
    difference_minor: t.difference,
    duplicate: t.duplicate,
  }
}

/** A stored row back as the reconciliation's match, for the CSV export. */
export function storedMatch(t: KlarnaSettlementTransactionRow): TransactionMatch {
  return {
    transaction: t.raw as unknown as TransactionMatch["transaction"],
    state: t.match_state,
    ...(t.matched_by ? { matched_by: t.matched_by as TransactionMatch["matched_by"] } : {}),
    ...(t.medusa_order_id
      ? { order: { order_id: t.medusa_order_id, klarna_order_id: t.klarna_order_id ?? "", ...(t.medusa_order_display_id ? { order_display_id: t.medusa_order_display_id } : {}) } }
      : {}),
    ...(t.medusa_capture_id ? { medusa_capture_id: t.medusa_capture_id } : {}),
    ...(t.medusa_refund_id ? { medusa_refund_id: t.medusa_refund_id } : {}),
    ...(t.medusa_amount !== null ? { medusa_amount: t.medusa_amount, medusa_currency_code: t.currency_code } : {}),
    ...(t.difference !== null ? { difference: t.difference } : {}),
    ...(t.duplicate ? { duplicate: true } : {}),
  }
}

export const storedPayout = (p: KlarnaPayoutRow) => p.raw as unknown as KlarnaPayout
