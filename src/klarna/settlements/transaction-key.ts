/**
 * Klarna's settlement rows carry no id. A row is identified by a hash of the fields that describe it
 * plus its position among identical rows of the same payout (rows sorted by compareTransactions),
 * so reading a payout again yields the same keys, whatever order the pages came in.
 */
import { createHash } from "node:crypto"
import type { KlarnaSettlementTransaction } from "../client/settlements-schemas"
import { compareTransactions } from "./transaction-order"

const KEY_FIELDS = [
  "payment_reference",
  "type",
  "detailed_type",
  "amount",
  "currency_code",
  "order_id",
  "capture_id",
  "refund_id",
  "merchant_capture_reference",
  "merchant_refund_reference",
  "sale_date",
  "capture_date",
  "vat_amount",
  "vat_rate",
] as const

/** The hash of a row's identifying fields (identical rows share it). */
export function transactionContentHash(t: KlarnaSettlementTransaction): string {
  const text = KEY_FIELDS.map((f) => `${f}=${String(t[f] ?? "")}`).join("\u0000")
  return createHash("sha256").update(text).digest("hex").slice(0, 32)
}

/** The keys of rows, in the order given: `<hash>-<n>`, n counting identical rows in sorted order. */
export function transactionKeys(transactions: readonly KlarnaSettlementTransaction[]): string[] {
  const order = transactions.map((t, i) => ({ t, i })).sort((a, b) => compareTransactions(a.t, b.t) || a.i - b.i)
  const seen = new Map<string, number>()
  const keys: string[] = new Array(transactions.length)
  for (const { t, i } of order) {
    const hash = transactionContentHash(t)
    const n = seen.get(hash) ?? 0
    seen.set(hash, n + 1)
    keys[i] = `${hash}-${n}`
  }
  return keys
}
