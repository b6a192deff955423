import { planSettlementSync, type SettlementSyncInput } from "../sync-plan"
import { transactionKeys } from "../transaction-key"
import { capture, feeOf, refund, returnOf, saleOf, tx } from "./fixtures"

const payout = (ref = "PAY1") => ({
  payment_reference: ref,
  payout_date: "2025-01-20T00:00:00Z",
  currency_code: "SEK",
  totals: { sale_amount: 10000, return_amount: 2500, fee_amount: 290, settlement_amount: 7210 },
})

const base = (over: Partial<SettlementSyncInput> = {}): SettlementSyncInput => ({
  connection: "pp_klarna_klarna",
  payouts: [payout()],
  transactions: [saleOf(1), feeOf(1), returnOf(1)],
  stored_open: [],
  captures: [capture(1)],
  refunds: [refund(1)],
  orders: [],
  paid_out_ids: [],
  now: "2025-01-21T00:00:00Z",
  overdue_after_days: 14,
  ...over,
})

describe("transactionKeys", () => {
  it("gives the same keys whatever order the rows come in, and tells identical rows apart", () => {
    const rows = [saleOf(1), feeOf(1), saleOf(1), returnOf(1)]
    const keys = transactionKeys(rows)
    const reversed = transactionKeys([...rows].reverse()).reverse()
    // Distinct rows keep their key; the two identical sales share the hash and get -0 and -1 between them.
    expect([reversed[1], reversed[3]]).toEqual([keys[1], keys[3]])
    expect([...reversed].sort()).toEqual([...keys].sort())
    expect(new Set(keys).size).toBe(4)
    expect(keys[0].replace(/-\d+$/, "")).toBe(keys[2].replace(/-\d+$/, ""))
  })

  it("changes when a describing field changes", () => {
    expect(transactionKeys([saleOf(1)])[0]).not.toBe(transactionKeys([saleOf(1, { amount: 10001 })])[0])
  })
})

describe("planSettlementSync", () => {
  it("matches a sale, its fee and a return to Medusa's order, capture and refund, with the sale's fee", () => {
    const plan = planSettlementSync(base())
    const byType = Object.fromEntries(plan.transactions.map((p) => [p.match.transaction.type, p]))
    expect(byType.SALE.match).toEqual(expect.objectContaining({ state: "matched", medusa_capture_id: "capt_1" }))
    expect(byType.SALE.fee_amount).toBe(290)
    expect(byType.FEE.match).toEqual(expect.objectContaining({ state: "attached", medusa_capture_id: "capt_1" }))
    expect(byType.FEE.fee_amount).toBeNull()
    expect(byType.RETURN.match).toEqual(expect.objectContaining({ state: "matched", medusa_refund_id: "ref_1" }))
    expect(byType.RETURN.match.order?.order_display_id).toBe(1001)
    expect(plan.problems).toEqual([])
    expect(plan.evaluated_keys).toEqual(expect.arrayContaining(["settlement-overdue:capt_1", "settlement-overdue:ref_1"]))
  })

  it("flags a Klarna sale with no Medusa capture, naming the Medusa order when Klarna's order is known", () => {
    const plan = planSettlementSync(
      base({
        transactions: [saleOf(2, { merchant_capture_reference: undefined })],
        captures: [],
        refunds: [],
        orders: [{ order_id: "order_2", order_display_id: 1002, klarna_order_id: "k-ord-2" }],
      })
    )
    expect(plan.transactions[0].match).toEqual(expect.objectContaining({ state: "unmatched", order: expect.objectContaining({ order_id: "order_2" }) }))
    expect(plan.problems).toEqual([
      expect.objectContaining({
        kind: "unmatched_sale",
        order_id: "order_2",
        operation_key: `settlement:pp_klarna_klarna:PAY1:${plan.transactions[0].transaction_key}`,
        message: "Klarna paid out a sale of 100,00 SEK of Klarna order k-ord-2 in payout PAY1 that Medusa has no capture for (Klarna capture k-cap-2).",
      }),
    ])
  })

  it("flags an amount that differs from Medusa's capture", () => {
    const plan = planSettlementSync(base({ transactions: [saleOf(1, { amount: 9000 })], refunds: [] }))
    expect(plan.transactions[0].match.difference).toBe(-1000)
    expect(plan.problems).toEqual([expect.objectContaining({ kind: "amount_differs", order_id: "order_1", amount: 9000 })])
    expect(plan.problems[0].message).toBe("Klarna's sale of 90,00 SEK in payout PAY1 does not match Medusa's capture capt_1 of 100,00 SEK.")
  })

  it("flags a capture not paid out after N days, unless a stored payout already paid it", () => {
    const late = base({ payouts: [], transactions: [], refunds: [], now: "2025-01-24T12:00:00Z", overdue_after_days: 14 })
    expect(planSettlementSync(late).problems).toEqual([
      expect.objectContaining({ kind: "overdue_capture", operation_key: "settlement-overdue:capt_1", order_id: "order_1" }),
    ])
    expect(planSettlementSync({ ...late, paid_out_ids: ["capt_1"] }).problems).toEqual([])
    expect(planSettlementSync({ ...late, now: "2025-01-23T12:00:00Z" }).problems).toEqual([])
  })

  it("gives the same keys and matches when a payout is read again, in another page order", () => {
    const once = planSettlementSync(base())
    const again = planSettlementSync(base({ transactions: [returnOf(1), feeOf(1), saleOf(1)] }))
    expect(again.transactions.map((p) => [p.transaction_key, p.match.state])).toEqual(once.transactions.map((p) => [p.transaction_key, p.match.state]))
  })

  it("matches a stored unmatched row again once Medusa has the capture, keeping its key", () => {
    const first = planSettlementSync(base({ captures: [], refunds: [], transactions: [saleOf(1)] }))
    const open = first.transactions[0]
    expect(open.match.state).toBe("unmatched")
    const later = planSettlementSync(
      base({ payouts: [], transactions: [], refunds: [], stored_open: [{ transaction_key: open.transaction_key, transaction: open.match.transaction }] })
    )
    expect(later.transactions).toEqual([expect.objectContaining({ transaction_key: open.transaction_key, match: expect.objectContaining({ state: "matched" }) })])
    expect(later.problems).toEqual([])
    expect(later.evaluated_keys).toContain(`settlement:pp_klarna_klarna:PAY1:${open.transaction_key}`)
  })

  it("ignores a stored row of a payout read again (the fresh read supersedes it)", () => {
    const first = planSettlementSync(base({ captures: [], refunds: [], transactions: [saleOf(1)] }))
    const plan = planSettlementSync(
      base({ transactions: [saleOf(1)], refunds: [], stored_open: [{ transaction_key: first.transactions[0].transaction_key, transaction: saleOf(1) }] })
    )
    expect(plan.transactions).toHaveLength(1)
    expect(plan.transactions[0].match.duplicate).toBeUndefined()
  })

  it("flags a capture Klarna paid out twice", () => {
    const plan = planSettlementSync(base({ transactions: [saleOf(1), saleOf(1, { payment_reference: "PAY1", capture_date: "2025-01-11T12:00:00Z" })], refunds: [] }))
    expect(plan.problems).toEqual([expect.objectContaining({ kind: "paid_out_twice" })])
  })

  it("leaves merchant-level fees unattached and without a problem", () => {
    const plan = planSettlementSync(base({ transactions: [tx({ type: "FEE", amount: 500, detailed_type: "SERVICING_FEE" })], captures: [], refunds: [] }))
    expect(plan.transactions[0].match.state).toBe("unattached")
    expect(plan.problems).toEqual([])
  })
})
