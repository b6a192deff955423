/**
 * A total order over settlement transactions built only from their fields, so a reconciliation
 * does not depend on the order pages arrived in. Code-point comparison, never locale-dependent.
 */
import type { KlarnaSettlementTransaction } from "../client/settlements-schemas"

const KEY_FIELDS = [
  "payment_reference",
  "capture_date",
  "sale_date",
  "type",
  "order_id",
  "capture_id",
  "refund_id",
  "merchant_capture_reference",
  "merchant_refund_reference",
  "detailed_type",
  "currency_code",
] as const

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export function compareTransactions(a: KlarnaSettlementTransaction, b: KlarnaSettlementTransaction): number {
  for (const field of KEY_FIELDS) {
    const d = cmp(String(a[field] ?? ""), String(b[field] ?? ""))
    if (d !== 0) return d
  }
  if (a.amount !== b.amount) return a.amount - b.amount
  return cmp(JSON.stringify(a), JSON.stringify(b))
}
