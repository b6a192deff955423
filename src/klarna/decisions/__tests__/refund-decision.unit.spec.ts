import { decideRefund, type RefundableOrder } from "../refund-decision"

const lines = [{ name: "Tee", quantity: 2, unit_price: 29900, total_amount: 59800, tax_rate: 2500, total_tax_amount: 11960 }]
const order = (o: Partial<RefundableOrder> = {}): RefundableOrder => ({
  status: "CAPTURED",
  order_amount: 59800,
  captured_amount: 59800,
  refunded_amount: 0,
  purchase_currency: "SEK",
  order_lines: lines,
  refunds: [],
  ...o,
})

describe("decideRefund", () => {
  it("refunds an amount, with the order lines only for a full refund", () => {
    expect(decideRefund({ order: order(), amount: 9950 })).toEqual({ action: "refund", amount: 9950, orderLines: undefined })
    expect(decideRefund({ order: order(), amount: 59800 })).toEqual({ action: "refund", amount: 59800, orderLines: lines })
  })

  it("finds a refund already sent for the same Medusa refund (retry)", () => {
    const d = decideRefund({
      order: order({ refunded_amount: 9950, refunds: [{ refund_id: "r1", refunded_amount: 9950, reference: "ref_1" }] }),
      amount: 9950,
      medusaRefundId: "ref_1",
    })
    expect(d).toEqual(expect.objectContaining({ action: "none", refund_id: "r1", amount: 9950 }))
  })

  it("refuses before capture, above what is refundable, and non-positive amounts", () => {
    expect(() => decideRefund({ order: order({ status: "AUTHORIZED", captured_amount: 0 }), amount: 100 })).toThrow(
      "Klarna order has not been captured and cannot be refunded."
    )
    expect(() => decideRefund({ order: order({ refunded_amount: 50000 }), amount: 9801 })).toThrow(
      "98,01 SEK is more than the 98,00 SEK captured and not yet refunded"
    )
    expect(() => decideRefund({ order: order(), amount: 0 })).toThrow(/greater than zero/)
  })
})

describe("decideRefund with refunds made outside Medusa", () => {
  it("adopts a portal refund instead of refunding again", () => {
    const order2: RefundableOrder = {
      status: "CAPTURED",
      order_amount: 59800,
      captured_amount: 59800,
      refunded_amount: 10000,
      purchase_currency: "SEK",
      refunds: [{ refund_id: "portal-r", refunded_amount: 10000 }],
    }
    expect(decideRefund({ order: order2, amount: 10000, unowned: { amount: 10000, latest: { id: "portal-r" } } })).toEqual(expect.objectContaining({ action: "none", refund_id: "portal-r" }))
    expect(decideRefund({ order: order2, amount: 10000, unowned: { amount: 0, latest: { id: "portal-r" } } })).toEqual(
      expect.objectContaining({ action: "refund", amount: 10000 })
    )
  })
})
