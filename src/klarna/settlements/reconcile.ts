/**
 * Reconciles Klarna's settlement transactions with Medusa's captures and refunds. Pure and
 * deterministic: the answer depends on the input values only (not their order), so running it
 * again on the same data gives the same answer.
 */
import { z } from "zod"
import { klarnaSettlementTransactionSchema } from "../client/settlements-schemas"
import { indexMedusa } from "./medusa-index"
import { matchTransaction } from "./match-transaction"
import { paidOutBy, payoutStatus } from "./payout-status"
import { compareTransactions } from "./transaction-order"
import {
  medusaCaptureRecordSchema,
  medusaRefundRecordSchema,
  type ReconcileInput,
  type SettlementReconciliation,
  type TransactionMatch,
} from "./types"

const optionsSchema = z.object({
  now: z.union([z.date(), z.string()]).transform((v) => (v instanceof Date ? v.getTime() : Date.parse(v))).pipe(z.number().finite()),
  overdue_after_days: z.number().int().min(0),
})

export function reconcileSettlements(input: ReconcileInput): SettlementReconciliation {
  const captures = z.array(medusaCaptureRecordSchema).parse(input.captures)
  const refunds = z.array(medusaRefundRecordSchema).parse(input.refunds)
  const transactions = z.array(klarnaSettlementTransactionSchema).parse(input.transactions)
  const { now, overdue_after_days } = optionsSchema.parse({ now: input.now, overdue_after_days: input.overdue_after_days })

  const ix = indexMedusa(captures, refunds)
  const matches = [...transactions].sort(compareTransactions).map((t) => matchTransaction(t, ix))
  markDuplicates(matches)

  const paidCaptures = paidOutBy(matches, "medusa_capture_id")
  const paidRefunds = paidOutBy(matches, "medusa_refund_id")
  const byCaptureId = (a: { medusa_capture_id: string }, b: { medusa_capture_id: string }) =>
    a.medusa_capture_id < b.medusa_capture_id ? -1 : a.medusa_capture_id > b.medusa_capture_id ? 1 : 0
  const byRefundId = (a: { medusa_refund_id: string }, b: { medusa_refund_id: string }) =>
    a.medusa_refund_id < b.medusa_refund_id ? -1 : a.medusa_refund_id > b.medusa_refund_id ? 1 : 0

  return {
    transactions: matches,
    captures: [...captures].sort(byCaptureId).map((capture) => {
      const paid = paidCaptures.get(capture.medusa_capture_id)
      return {
        capture,
        status: payoutStatus(paid, capture.captured_at, now, overdue_after_days),
        payment_references: paid?.payment_references ?? [],
        paid_out_amount: paid?.paid_out_amount ?? 0,
      }
    }),
    refunds: [...refunds].sort(byRefundId).map((refund) => {
      const paid = paidRefunds.get(refund.medusa_refund_id)
      return {
        refund,
        status: payoutStatus(paid, refund.refunded_at, now, overdue_after_days),
        payment_references: paid?.payment_references ?? [],
        paid_out_amount: paid?.paid_out_amount ?? 0,
      }
    }),
  }
}

/** A capture (refund) matched by a second SALE (RETURN) row: Klarna paid it out twice, or the input repeats a row. */
function markDuplicates(matches: TransactionMatch[]): void {
  const seen = new Set<string>()
  for (const m of matches) {
    if (m.state !== "matched" && m.state !== "amount_differs") continue
    const key = m.medusa_capture_id ? `c:${m.medusa_capture_id}` : `r:${m.medusa_refund_id}`
    if (seen.has(key)) m.duplicate = true
    seen.add(key)
  }
}
