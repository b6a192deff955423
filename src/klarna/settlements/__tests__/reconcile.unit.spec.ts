import { reconcileSettlements } from "../reconcile"
import type { ReconcileInput } from "../types"
import { capture, feeOf, refund, returnOf, saleOf, tx } from "./fixtures"

const run = (over: Partial<ReconcileInput>) =>
  reconcileSettlements({ transactions: [], captures: [], refunds: [], now: "2025-02-01T00:00:00Z", overdue_after_days: 14, ...over })

describe("reconcileSettlements: SALE rows", () => {
  it("matches a sale to Medusa's capture by Klarna's capture id", () => {
    const [m] = run({ transactions: [saleOf(1, { merchant_capture_reference: undefined })], captures: [capture(1)] }).transactions
    expect(m).toMatchObject({
      state: "matched",
      matched_by: "capture_id",
      medusa_capture_id: "capt_1",
      medusa_amount: 10000,
      difference: 0,
      order: { order_id: "order_1", order_display_id: 1001, klarna_order_id: "k-ord-1" },
    })
  })

  it("falls back to merchant_capture_reference (Medusa's capture id) when Medusa has no Klarna capture id", () => {
    const [m] = run({ transactions: [saleOf(1)], captures: [capture(1, { klarna_capture_id: undefined })] }).transactions
    expect(m).toMatchObject({ state: "matched", matched_by: "merchant_capture_reference", medusa_capture_id: "capt_1" })
  })

  it("Klarna's capture id wins over a reference that names another capture", () => {
    const [m] = run({
      transactions: [saleOf(1, { merchant_capture_reference: "capt_2" })],
      captures: [capture(1), capture(2, { klarna_capture_id: "k-cap-other" })],
    }).transactions
    expect(m).toMatchObject({ matched_by: "capture_id", medusa_capture_id: "capt_1" })
  })

  it("amount_differs when the amounts differ, with the difference Klarna − Medusa", () => {
    const [m] = run({ transactions: [saleOf(1, { amount: 9990 })], captures: [capture(1)] }).transactions
    expect(m).toMatchObject({ state: "amount_differs", difference: -10, medusa_amount: 10000, medusa_capture_id: "capt_1" })
  })

  it("amount_differs when the currency differs, even with the same number", () => {
    const [m] = run({ transactions: [saleOf(1, { currency_code: "EUR" })], captures: [capture(1, { currency_code: "sek" })] }).transactions
    expect(m).toMatchObject({ state: "amount_differs", difference: 0, medusa_currency_code: "sek" })
    const [same] = run({ transactions: [saleOf(1)], captures: [capture(1, { currency_code: "sek" })] }).transactions
    expect(same.state).toBe("matched")
  })

  it("compares the magnitude: a negative amount of the same size matches", () => {
    const [m] = run({ transactions: [saleOf(1, { amount: -10000 })], captures: [capture(1)] }).transactions
    expect(m.state).toBe("matched")
  })

  it("unmatched when no Medusa capture has its id or reference; the order is still named when Medusa knows it", () => {
    const res = run({
      transactions: [saleOf(7), saleOf(1, { capture_id: "k-cap-new", merchant_capture_reference: "capt_unknown" })],
      captures: [capture(1)],
    })
    const byOrder = Object.fromEntries(res.transactions.map((m) => [m.transaction.order_id, m]))
    expect(byOrder["k-ord-7"]).toEqual({ transaction: expect.anything(), state: "unmatched" })
    expect(byOrder["k-ord-1"]).toMatchObject({ state: "unmatched", matched_by: "order_id", order: { order_id: "order_1" } })
    expect(byOrder["k-ord-1"].medusa_capture_id).toBeUndefined()
  })

  it("marks the second sale of the same capture as a duplicate", () => {
    const res = run({ transactions: [saleOf(1, { payment_reference: "PAY2" }), saleOf(1)], captures: [capture(1)] })
    expect(res.transactions.map((m) => [m.transaction.payment_reference, m.duplicate ?? false])).toEqual([
      ["PAY1", false],
      ["PAY2", true],
    ])
    expect(res.captures[0]).toMatchObject({ status: "paid_out", payment_references: ["PAY1", "PAY2"], paid_out_amount: 20000 })
  })
})

describe("reconcileSettlements: RETURN rows", () => {
  it("matches by Klarna's refund id, then by merchant_refund_reference", () => {
    const res = run({
      transactions: [returnOf(1, { merchant_refund_reference: undefined }), returnOf(2, { refund_id: undefined })],
      refunds: [refund(1), refund(2, { klarna_refund_id: undefined })],
    })
    expect(res.transactions.map((m) => [m.state, m.matched_by, m.medusa_refund_id])).toEqual([
      ["matched", "refund_id", "ref_1"],
      ["matched", "merchant_refund_reference", "ref_2"],
    ])
  })

  it("a return never matches a capture, and a sale never a refund, even with the same ids", () => {
    const res = run({
      transactions: [returnOf(1, { refund_id: "k-cap-1", merchant_refund_reference: "capt_1" }), saleOf(2, { capture_id: "k-ref-2", merchant_capture_reference: "ref_2" })],
      captures: [capture(1)],
      refunds: [refund(2)],
    })
    expect(res.transactions.map((m) => m.state)).toEqual(["unmatched", "unmatched"])
  })

  it("amount_differs and unmatched for returns", () => {
    const res = run({ transactions: [returnOf(1, { amount: 2600 }), returnOf(9)], refunds: [refund(1)] })
    expect(res.transactions.map((m) => [m.transaction.order_id, m.state, m.difference])).toEqual([
      ["k-ord-1", "amount_differs", 100],
      ["k-ord-9", "unmatched", undefined],
    ])
  })
})

describe("reconcileSettlements: fees, reversals and other rows", () => {
  it("attaches a fee to its capture (and so its order) by capture id", () => {
    const [m] = run({ transactions: [feeOf(1)], captures: [capture(1)] }).transactions
    expect(m).toMatchObject({ state: "attached", matched_by: "capture_id", medusa_capture_id: "capt_1", order: { order_id: "order_1" } })
    expect(m.medusa_amount).toBeUndefined()
  })

  it("attaches a reversal naming only an order to that order", () => {
    const [m] = run({ transactions: [tx({ type: "REVERSAL", amount: 5000, order_id: "k-ord-1" })], refunds: [refund(1)] }).transactions
    expect(m).toMatchObject({ state: "attached", matched_by: "order_id", order: { order_id: "order_1", klarna_order_id: "k-ord-1" } })
  })

  it("a fee naming nothing Medusa knows, or nothing at all, is unattached", () => {
    const res = run({ transactions: [tx({ type: "FEE", amount: 100 }), feeOf(5)], captures: [capture(1)] })
    expect(res.transactions.map((m) => m.state)).toEqual(["unattached", "unattached"])
    expect(res.transactions.every((m) => m.order === undefined)).toBe(true)
  })

  it("a fee is never counted as paying out the capture", () => {
    const res = run({ transactions: [feeOf(1)], captures: [capture(1, { captured_at: "2025-01-01T00:00:00Z" })] })
    expect(res.captures[0]).toMatchObject({ status: "overdue", paid_out_amount: 0, payment_references: [] })
  })
})

describe("reconcileSettlements: payout status per capture and refund", () => {
  it("paid_out, pending within the days, overdue after them (boundary inclusive)", () => {
    const res = run({
      now: "2025-02-01T00:00:00Z",
      overdue_after_days: 14,
      transactions: [saleOf(1)],
      captures: [
        capture(1),
        capture(2, { captured_at: "2025-01-18T00:00:01Z" }),
        capture(3, { captured_at: "2025-01-18T00:00:00Z" }),
      ],
      refunds: [refund(4, { refunded_at: "2025-01-01T00:00:00Z" }), refund(5, { refunded_at: "2025-01-31T00:00:00Z" })],
    })
    expect(res.captures.map((c) => [c.capture.medusa_capture_id, c.status])).toEqual([
      ["capt_1", "paid_out"],
      ["capt_2", "pending"],
      ["capt_3", "overdue"],
    ])
    expect(res.refunds.map((r) => [r.refund.medusa_refund_id, r.status])).toEqual([
      ["ref_4", "overdue"],
      ["ref_5", "pending"],
    ])
  })

  it("a capture paid out with the wrong amount is still paid out (the row says amount_differs)", () => {
    const res = run({ transactions: [saleOf(1, { amount: 1 })], captures: [capture(1)] })
    expect(res.captures[0]).toMatchObject({ status: "paid_out", paid_out_amount: 1 })
  })
})

describe("reconcileSettlements: several payouts and currencies", () => {
  const input = (): Partial<ReconcileInput> => ({
    transactions: [
      saleOf(1, { payment_reference: "SEK-2" }),
      feeOf(1, { payment_reference: "SEK-2" }),
      saleOf(2, { payment_reference: "EUR-1", currency_code: "EUR", amount: 5000 }),
      feeOf(2, { payment_reference: "EUR-1", currency_code: "EUR", amount: 145 }),
      returnOf(1, { payment_reference: "SEK-3" }),
      saleOf(3, { payment_reference: "SEK-2", amount: 3000 }),
    ],
    captures: [capture(1), capture(2, { currency_code: "EUR", amount: 5000 }), capture(3, { amount: 3000 })],
    refunds: [refund(1)],
  })

  it("matches across payouts and currencies and orders rows by payout, then date, type and ids", () => {
    const res = run(input())
    expect(res.transactions.map((m) => [m.transaction.payment_reference, m.transaction.type, m.transaction.order_id, m.state])).toEqual([
      ["EUR-1", "FEE", "k-ord-2", "attached"],
      ["EUR-1", "SALE", "k-ord-2", "matched"],
      ["SEK-2", "FEE", "k-ord-1", "attached"],
      ["SEK-2", "SALE", "k-ord-1", "matched"],
      ["SEK-2", "SALE", "k-ord-3", "matched"],
      ["SEK-3", "RETURN", "k-ord-1", "matched"],
    ])
    expect(res.captures.map((c) => c.payment_references)).toEqual([["SEK-2"], ["EUR-1"], ["SEK-2"]])
    expect(res.refunds[0].payment_references).toEqual(["SEK-3"])
  })

  it("is deterministic and idempotent: any input order, and a second run, give the same answer", () => {
    const a = run(input())
    const shuffled = input()
    shuffled.transactions = [...shuffled.transactions!].reverse()
    shuffled.captures = [...shuffled.captures!].reverse()
    const b = run(shuffled)
    expect(b).toEqual(a)
    expect(run(input())).toEqual(a)
  })

  it("does not modify its input", () => {
    const given = input()
    const copy = JSON.parse(JSON.stringify(given))
    run(given)
    expect(given).toEqual(copy)
  })
})

describe("reconcileSettlements: input checks", () => {
  it.each([
    ["a fractional capture amount", { captures: [capture(1, { amount: 10.5 })] }],
    ["a negative refund amount", { refunds: [refund(1, { amount: -1 })] }],
    ["an unreadable capture date", { captures: [capture(1, { captured_at: "yesterday" })] }],
    ["a missing Medusa capture id", { captures: [capture(1, { medusa_capture_id: "" })] }],
    ["an unreadable now", { now: "soon" }],
    ["a negative number of days", { overdue_after_days: -1 }],
  ])("refuses %s", (_label, over) => {
    expect(() => run(over as Partial<ReconcileInput>)).toThrow()
  })
})
