import type { KlarnaOrderLine } from "../../validation/order-line-rules"
import { matchPaymentAmount, orderAmounts } from "../order-line-totals"

const line = (type: KlarnaOrderLine["type"], total: number, quantity = 1): KlarnaOrderLine => ({
  type,
  name: String(type),
  quantity,
  unit_price: total,
  tax_rate: 0,
  total_amount: total,
  total_discount_amount: 0,
  total_tax_amount: 0,
})

describe("order-line totals", () => {
  it("matchPaymentAmount sums the lines when no payment amount is given or it matches", () => {
    expect(matchPaymentAmount([line("physical", 100), line("gift_card", -30)], undefined, "SEK")).toBe(70)
    expect(matchPaymentAmount([line("physical", 100)], "1", "SEK")).toBe(100)
  })

  it("matchPaymentAmount puts the remainder into the first largest adjustable line", () => {
    const lines = [line("physical", 500), line("shipping_fee", 500), line("sales_tax", 900)]
    expect(matchPaymentAmount(lines, "19.02", "SEK")).toBe(1902)
    expect(lines.map((l) => l.total_amount)).toEqual([502, 500, 900])
  })

  it("matchPaymentAmount refuses more than one minor unit per line, or no adjustable line", () => {
    expect(() => matchPaymentAmount([line("physical", 100)], "1.02", "SEK")).toThrow(/payment amount is 1,02/)
    expect(() => matchPaymentAmount([line("gift_card", -100), line("sales_tax", 300)], "2.01", "SEK")).toThrow(/no line can absorb/)
  })

  it("orderAmounts takes the sales tax when given, else the lines' VAT, and refuses a negative order", () => {
    const vat = { ...line("physical", 125), tax_rate: 2500, total_tax_amount: 25 }
    expect(orderAmounts([vat], 125, undefined, "SEK").order_tax_amount).toBe(25)
    expect(orderAmounts([line("physical", 100), line("sales_tax", 8)], 108, 8, "USD").order_tax_amount).toBe(8)
    expect(() => orderAmounts([line("physical", 10), line("gift_card", -20)], -10, undefined, "SEK")).toThrow(/negative/)
  })
})
