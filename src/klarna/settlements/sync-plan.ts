/**
 * What one sync of a connection writes: the payouts read, each transaction with its match, and the
 * attention problems (with the keys of everything evaluated, so problems that went away can be
 * resolved). Pure: the same input gives the same plan.
 */
import type { KlarnaPayout, KlarnaSettlementTransaction } from "../client/settlements-schemas"
import { formatMinorUnits } from "../utils/currency"
import { reconcileSettlements } from "./reconcile"
import { transactionContentHash, transactionKeys } from "./transaction-key"
import type { MatchedOrder, MedusaCaptureRecord, MedusaRefundRecord, TransactionMatch } from "./types"

export interface StoredOpenTransaction {
  transaction_key: string
  transaction: KlarnaSettlementTransaction
}

export interface SettlementSyncInput {
  /** The payment provider id of the connection (`pp_klarna_klarna`, `pp_kustom_kustom`). */
  connection: string
  payouts: readonly KlarnaPayout[]
  /** Every row of the payouts read. */
  transactions: readonly KlarnaSettlementTransaction[]
  /** Stored rows still unmatched or differing, of payouts not read this time: matched again. */
  stored_open: readonly StoredOpenTransaction[]
  captures: readonly MedusaCaptureRecord[]
  refunds: readonly MedusaRefundRecord[]
  /** Medusa orders by Klarna order id, for rows of an order with no capture/refund in Medusa. */
  orders: readonly MatchedOrder[]
  /** Medusa capture/refund ids a stored payout already paid out. */
  paid_out_ids: readonly string[]
  now: string | Date
  overdue_after_days: number
}

export interface PlannedTransaction {
  transaction_key: string
  payment_reference: string
  match: TransactionMatch
  /** On a SALE row: Σ |FEE| of the same capture in the same payout. */
  fee_amount: number | null
}

export type SettlementProblemKind = "unmatched_sale" | "unmatched_return" | "amount_differs" | "paid_out_twice" | "overdue_capture" | "overdue_refund"

export interface SettlementProblem {
  operation_key: string
  kind: SettlementProblemKind
  /** Medusa's order ("" when Klarna's order is not a Medusa order). */
  order_id: string
  klarna_order_id: string | null
  klarna_capture_id: string | null
  klarna_refund_id: string | null
  payment_reference: string | null
  amount: number
  currency_code: string
  message: string
}

export interface SettlementSyncPlan {
  transactions: PlannedTransaction[]
  problems: SettlementProblem[]
  /** Attention keys looked at in this sync: an open entry among them that is not a problem is resolved. */
  evaluated_keys: string[]
}

export const transactionAttentionKey = (connection: string, paymentReference: string, transactionKey: string) =>
  `settlement:${connection}:${paymentReference}:${transactionKey}`
export const overdueAttentionKey = (medusaId: string) => `settlement-overdue:${medusaId}`

const money = (minor: number, currency: string) => formatMinorUnits(Math.abs(minor), currency)

export function planSettlementSync(input: SettlementSyncInput): SettlementSyncPlan {
  const readRefs = new Set(input.payouts.map((p) => p.payment_reference))
  const stored = input.stored_open.filter((s) => !readRefs.has(s.transaction.payment_reference ?? ""))
  const fresh = input.transactions.filter((t) => readRefs.has(t.payment_reference ?? ""))

  // Keys by content hash, consumed in the reconciliation's (sorted) order.
  const keyQueues = new Map<string, string[]>()
  const queue = (hash: string) => keyQueues.get(hash) ?? keyQueues.set(hash, []).get(hash)!
  const freshKeys = transactionKeys(fresh)
  const keyed = [...fresh.map((t, i) => ({ t, key: freshKeys[i] })), ...stored.map((s) => ({ t: s.transaction, key: s.transaction_key }))]
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  for (const { t, key } of keyed) queue(transactionContentHash(t)).push(key)

  const reconciled = reconcileSettlements({
    transactions: keyed.map((k) => k.t),
    captures: input.captures,
    refunds: input.refunds,
    now: input.now,
    overdue_after_days: input.overdue_after_days,
  })

  const orders = new Map(input.orders.map((o) => [o.klarna_order_id, o]))
  const fees = feesByCapture(reconciled.transactions)
  const transactions = reconciled.transactions.map((match): PlannedTransaction => {
    const t = match.transaction
    const knownOrder = !match.order && t.order_id ? orders.get(t.order_id) : undefined
    const withOrder: TransactionMatch = knownOrder
      ? { ...match, order: knownOrder, matched_by: match.matched_by ?? "order_id", ...(match.state === "unattached" ? { state: "attached" as const } : {}) }
      : match
    const ref = t.payment_reference ?? ""
    return {
      transaction_key: queue(transactionContentHash(t)).shift()!,
      payment_reference: ref,
      match: withOrder,
      fee_amount: t.type === "SALE" && t.capture_id ? fees.get(`${ref}\u0000${t.capture_id}`) ?? 0 : null,
    }
  })

  const problems: SettlementProblem[] = []
  const evaluated: string[] = []
  for (const p of transactions) {
    const key = transactionAttentionKey(input.connection, p.payment_reference, p.transaction_key)
    evaluated.push(key)
    const problem = transactionProblem(p)
    if (problem) problems.push({ ...problem, operation_key: key })
  }

  const paid = new Set(input.paid_out_ids)
  for (const c of reconciled.captures) {
    const key = overdueAttentionKey(c.capture.medusa_capture_id)
    evaluated.push(key)
    if (c.status !== "overdue" || paid.has(c.capture.medusa_capture_id)) continue
    problems.push({
      operation_key: key,
      kind: "overdue_capture",
      order_id: c.capture.order_id,
      klarna_order_id: c.capture.klarna_order_id,
      klarna_capture_id: c.capture.klarna_capture_id ?? null,
      klarna_refund_id: null,
      payment_reference: null,
      amount: c.capture.amount,
      currency_code: c.capture.currency_code,
      message:
        `Klarna has not paid out the capture of ${money(c.capture.amount, c.capture.currency_code)} (${c.capture.medusa_capture_id}) ` +
        `${input.overdue_after_days} days after it was captured. Check the capture in Klarna's portal.`,
    })
  }
  for (const r of reconciled.refunds) {
    const key = overdueAttentionKey(r.refund.medusa_refund_id)
    evaluated.push(key)
    if (r.status !== "overdue" || paid.has(r.refund.medusa_refund_id)) continue
    problems.push({
      operation_key: key,
      kind: "overdue_refund",
      order_id: r.refund.order_id,
      klarna_order_id: r.refund.klarna_order_id,
      klarna_capture_id: null,
      klarna_refund_id: r.refund.klarna_refund_id ?? null,
      payment_reference: null,
      amount: r.refund.amount,
      currency_code: r.refund.currency_code,
      message:
        `Klarna has not settled the refund of ${money(r.refund.amount, r.refund.currency_code)} (${r.refund.medusa_refund_id}) ` +
        `${input.overdue_after_days} days after it was made. Check the refund in Klarna's portal.`,
    })
  }
  return { transactions, problems, evaluated_keys: evaluated }
}

function transactionProblem(p: PlannedTransaction): Omit<SettlementProblem, "operation_key"> | null {
  const m = p.match
  const t = m.transaction
  const base = {
    order_id: m.order?.order_id ?? "",
    klarna_order_id: t.order_id ?? null,
    klarna_capture_id: t.capture_id ?? null,
    klarna_refund_id: t.refund_id ?? null,
    payment_reference: p.payment_reference,
    amount: Math.abs(t.amount),
    currency_code: t.currency_code,
  }
  const amount = money(t.amount, t.currency_code)
  const where = `in payout ${p.payment_reference}`
  const order = t.order_id ? ` of Klarna order ${t.order_id}` : ""
  if (m.state === "unmatched" && t.type === "SALE") {
    return {
      ...base,
      kind: "unmatched_sale",
      message: `Klarna paid out a sale of ${amount}${order} ${where} that Medusa has no capture for${t.capture_id ? ` (Klarna capture ${t.capture_id})` : ""}.`,
    }
  }
  if (m.state === "unmatched") {
    return {
      ...base,
      kind: "unmatched_return",
      message: `Klarna deducted a ${t.type.toLowerCase()} of ${amount}${order} ${where} that Medusa has no refund for${t.refund_id ? ` (Klarna refund ${t.refund_id})` : ""}.`,
    }
  }
  if (m.state === "amount_differs") {
    const what = m.medusa_capture_id ? `capture ${m.medusa_capture_id}` : `refund ${m.medusa_refund_id}`
    return {
      ...base,
      kind: "amount_differs",
      message:
        `Klarna's ${t.type.toLowerCase()} of ${amount} ${where} does not match Medusa's ${what} of ` +
        `${money(m.medusa_amount ?? 0, m.medusa_currency_code ?? t.currency_code)}.`,
    }
  }
  if (m.duplicate) {
    const what = m.medusa_capture_id ? `capture ${m.medusa_capture_id}` : `refund ${m.medusa_refund_id}`
    return { ...base, kind: "paid_out_twice", message: `Klarna settled Medusa's ${what} more than once (again ${where}, ${amount}).` }
  }
  return null
}

function feesByCapture(matches: readonly TransactionMatch[]): Map<string, number> {
  const fees = new Map<string, number>()
  for (const { transaction: t } of matches) {
    if (t.type !== "FEE" || !t.capture_id) continue
    const key = `${t.payment_reference ?? ""}\u0000${t.capture_id}`
    fees.set(key, (fees.get(key) ?? 0) + Math.abs(t.amount))
  }
  return fees
}
