import { MedusaError } from "@medusajs/framework/utils"
import type { KlarnaOrder } from "../../client"
import type { KlarnaOrderLine } from "../../validation/order-line-rules"
import { SINGLE_RATE_GOODWILL_MESSAGE } from "../../utils/refund-lines"
import { goodwillRefundPlan } from "../goodwill-refund-plan"
import { observedKlarnaOrder } from "../observed-order"
import { planKlarnaRefund, type KlarnaRefundPlanInput } from "../plan-refund"

function line(reference: string, quantity: number, unit_price: number, tax_rate: number): KlarnaOrderLine {
  const total = quantity * unit_price
  return {
    type: "physical",
    reference,
    name: reference,
    quantity,
    unit_price,
    tax_rate,
    total_amount: total,
    total_discount_amount: 0,
    total_tax_amount: Math.round((total * tax_rate) / (10000 + tax_rate)),
  }
}

const TSHIRTS = line("TSHIRT", 2, 29900, 2500)
const COFFEE = line("COFFEE", 1, 13900, 1200)
const TOTAL = TSHIRTS.total_amount + COFFEE.total_amount

function klarna(overrides: Partial<KlarnaOrder> = {}): KlarnaOrder {
  return {
    order_id: "k-1",
    status: "CAPTURED",
    purchase_country: "SE",
    purchase_currency: "SEK",
    order_amount: TOTAL,
    original_order_amount: TOTAL,
    captured_amount: TOTAL,
    refunded_amount: 0,
    remaining_authorized_amount: 0,
    order_lines: [TSHIRTS, COFFEE],
    captures: [],
    refunds: [],
    ...overrides,
  } as unknown as KlarnaOrder
}

function input(overrides: Partial<KlarnaRefundPlanInput> = {}): KlarnaRefundPlanInput {
  return {
    payment: { currency_code: "sek", captures: [{ amount: TOTAL / 100 }], refunds: [] },
    klarna: klarna(),
    policy: "split_by_rate",
    ...overrides,
  }
}

function refusal(run: () => unknown): MedusaError {
  try {
    run()
  } catch (e) {
    return e as MedusaError
  }
  throw new Error("expected a refusal")
}

describe("planKlarnaRefund", () => {
  it("refunds everything captured as the captured lines", () => {
    const plan = planKlarnaRefund(input({ requested_amount: TOTAL / 100 }))
    expect(plan).toEqual({ amount: TOTAL, kind: "full", order_lines: [TSHIRTS, COFFEE], summary: "full refund" })
  })

  it("without an amount refunds what Medusa captured and did not refund", () => {
    const plan = planKlarnaRefund(input({ payment: { currency_code: "sek", captures: [{ amount: TOTAL / 100 }], refunds: [{ amount: 100 }] }, klarna: klarna({ refunded_amount: 10000 }) }))
    expect(plan.amount).toBe(TOTAL - 10000)
    expect(plan.kind).toBe("goodwill")
  })

  it("refuses an order Klarna has not captured", () => {
    const err = refusal(() => planKlarnaRefund(input({ requested_amount: 10, klarna: klarna({ captured_amount: 0 }) })))
    expect(err.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(err.message).toBe("Klarna order has not been captured and cannot be refunded.")
  })

  it("refuses nothing to refund", () => {
    const err = refusal(() => planKlarnaRefund(input({ payment: { currency_code: "sek", captures: [], refunds: [] } })))
    expect(err.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(err.message).toBe("A refund needs an amount greater than zero.")
  })

  it("refuses more than Klarna captured and did not refund", () => {
    const err = refusal(() => planKlarnaRefund(input({ requested_amount: 100, klarna: klarna({ refunded_amount: TOTAL - 4700 }) })))
    expect(err.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(err.message).toContain("100,00 SEK is more than the 47,00 SEK captured and not yet refunded")
  })

  it("splits a good-will refund by VAT rate under split_by_rate", () => {
    const plan = planKlarnaRefund(input({ requested_amount: 199 }))
    expect(plan.kind).toBe("goodwill")
    expect(plan.order_lines.map((l) => l.tax_rate)).toEqual([2500, 1200])
    expect(plan.order_lines.reduce((s, l) => s + l.total_amount, 0)).toBe(19900)
  })

  it("refuses a partial good-will refund of a mixed-rate order under single_rate_only", () => {
    const err = refusal(() => planKlarnaRefund(input({ requested_amount: 199, policy: "single_rate_only" })))
    expect(err.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(err.message).toBe(SINGLE_RATE_GOODWILL_MESSAGE)
  })

  it("refunds the returned items' lines when the amount is what they are worth", () => {
    const returned = { return_ids: ["ret_1"], items: [{ reference: "TSHIRT", quantity: 1 }] }
    const plan = planKlarnaRefund(input({ requested_amount: 299, returned }))
    expect(plan).toEqual(expect.objectContaining({ amount: 29900, kind: "lines", return_ids: ["ret_1"] }))
    expect(plan.order_lines).toEqual([expect.objectContaining({ reference: "TSHIRT", quantity: 1, total_amount: 29900 })])
  })

  it("keeps a return fee for less than the returned items where Klarna allows one", () => {
    const returned = { return_ids: ["ret_1"], items: [{ reference: "TSHIRT", quantity: 1 }] }
    const plan = planKlarnaRefund(input({ requested_amount: 250, returned }))
    expect(plan.kind).toBe("lines")
    expect(plan.order_lines).toEqual([
      expect.objectContaining({ reference: "TSHIRT", total_amount: 29900 }),
      expect.objectContaining({ type: "return_fee", total_amount: -4900, tax_rate: 2500 }),
    ])
  })

  it("is a good-will refund when no return fee is allowed for the purchase country", () => {
    const returned = { return_ids: ["ret_1"], items: [{ reference: "TSHIRT", quantity: 1 }] }
    const plan = planKlarnaRefund(input({ requested_amount: 250, returned, klarna: klarna({ purchase_country: "US" }) }))
    expect(plan.kind).toBe("goodwill")
  })
})

describe("goodwillRefundPlan", () => {
  it("is one line at the order's rate when every item shares it", () => {
    const plan = goodwillRefundPlan({ amount: 19900, currency: "SEK", captured_lines: [TSHIRTS], policy: "single_rate_only" })
    expect(plan).toEqual(expect.objectContaining({ amount: 19900, kind: "goodwill", summary: "good-will, 25 % VAT" }))
  })
})

describe("observedKlarnaOrder", () => {
  it("keeps what a refund decision reads, with the time it was read", () => {
    const observed = observedKlarnaOrder(klarna({ refunds: [{ refund_id: "r1", refunded_amount: 100, reference: "ref_1", refunded_at: "t", order_lines: [] }] as any }), new Date("2025-01-01T00:00:00Z"))
    expect(observed).toEqual(
      expect.objectContaining({ read_at: "2025-01-01T00:00:00.000Z", captured_amount: TOTAL, refunds: [{ refund_id: "r1", refunded_amount: 100, reference: "ref_1", refunded_at: "t" }] })
    )
  })
})
