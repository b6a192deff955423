/** Whether each Medusa capture/refund has been paid out, is still pending, or is overdue. */
import type { PayoutStatus, TransactionMatch } from "./types"

const DAY_MS = 24 * 60 * 60 * 1000

export interface PaidOut {
  payment_references: string[]
  paid_out_amount: number
}

/** SALE (RETURN) rows matched to each capture (refund), keyed by Medusa's id. */
export function paidOutBy(matches: TransactionMatch[], key: "medusa_capture_id" | "medusa_refund_id"): Map<string, PaidOut> {
  const out = new Map<string, PaidOut>()
  for (const m of matches) {
    const id = m[key]
    if (!id || (m.state !== "matched" && m.state !== "amount_differs")) continue
    const entry = out.get(id) ?? { payment_references: [], paid_out_amount: 0 }
    const ref = m.transaction.payment_reference
    if (ref && !entry.payment_references.includes(ref)) {
      entry.payment_references.push(ref)
      entry.payment_references.sort()
    }
    entry.paid_out_amount += Math.abs(m.transaction.amount)
    out.set(id, entry)
  }
  return out
}

export function payoutStatus(paid: PaidOut | undefined, happenedAt: string, nowMs: number, overdueAfterDays: number): PayoutStatus {
  if (paid) return "paid_out"
  return Date.parse(happenedAt) + overdueAfterDays * DAY_MS <= nowMs ? "overdue" : "pending"
}
