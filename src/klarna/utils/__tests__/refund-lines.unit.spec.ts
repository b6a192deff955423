import { MedusaError } from "@medusajs/framework/utils"
import { KlarnaOrderLine, validateOrderLine } from "../../validation/order-line-rules"
import { formatMinorUnits } from "../currency"
import {
  allocateProportionally,
  buildGoodwillRefundLines,
  buildItemRefundLines,
  describeGoodwillSplit,
  describeItemRefund,
  formatTaxRate,
  vatBreakdown,
} from "../refund-lines"

/* ---------------------------------------------------------------- helpers */

/** Exact VAT contained in a tax-inclusive total, half away from zero (independent of the module). */
function tax(total: number, rate: number): number {
  const num = BigInt(Math.abs(total)) * BigInt(rate)
  const den = BigInt(10000 + rate)
  const r = Number((2n * num + den) / (2n * den))
  return total < 0 ? -r : r
}

function line(
  reference: string,
  name: string,
  quantity: number,
  unit_price: number,
  tax_rate: number,
  discount = 0,
  type: KlarnaOrderLine["type"] = "physical"
): KlarnaOrderLine {
  const total = quantity * unit_price - discount
  return {
    type,
    reference,
    name,
    quantity,
    unit_price,
    tax_rate,
    total_amount: total,
    total_discount_amount: discount,
    total_tax_amount: tax(total, tax_rate),
    product_url: "https://shop.example/p/" + reference,
  }
}

function negative(type: KlarnaOrderLine["type"], reference: string, amount: number, tax_rate: number): KlarnaOrderLine {
  return {
    type,
    reference,
    name: reference,
    quantity: 1,
    unit_price: -amount,
    total_amount: -amount,
    total_discount_amount: 0,
    tax_rate,
    total_tax_amount: tax(-amount, tax_rate),
  }
}

function caught(fn: () => unknown): MedusaError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(MedusaError)
    return e as MedusaError
  }
  throw new Error("expected a MedusaError")
}

const expectValid = (lines: KlarnaOrderLine[]) => lines.forEach((l, i) => expect(validateOrderLine(l, i)).toEqual([]))
const sum = (lines: KlarnaOrderLine[]) => lines.reduce((s, l) => s + l.total_amount, 0)

/* ---------------------------------------------------------------- helpers under test */

describe("formatTaxRate", () => {
  it("formats basis points as a percentage with a comma decimal", () => {
    expect([2500, 1200, 600, 0, 750, 1234, 5, 1950, 10000].map(formatTaxRate)).toEqual([
      "25",
      "12",
      "6",
      "0",
      "7,5",
      "12,34",
      "0,05",
      "19,5",
      "100",
    ])
  })
})

describe("allocateProportionally", () => {
  it("sums exactly and gives the leftover to the largest remainders", () => {
    expect(allocateProportionally(100, [1, 1, 1])).toEqual([34, 33, 33])
    expect(allocateProportionally(10, [7, 3])).toEqual([7, 3])
    expect(allocateProportionally(5, [1, 1])).toEqual([3, 2])
    expect(allocateProportionally(7, [0, 0])).toEqual([0, 0])
    expect(allocateProportionally(1, [1, 1000])).toEqual([0, 1])
    // 4.29 / 4.29 / 1.43: the unit left over goes to the largest remainder, not the largest share
    expect(allocateProportionally(10, [3, 3, 1])).toEqual([4, 4, 2])
  })
})

describe("vatBreakdown", () => {
  it("nets lines per rate, drops sales tax and non-positive rates, sorts by rate descending", () => {
    const lines = [
      line("a", "A", 1, 10000, 600),
      line("b", "B", 2, 10000, 2500),
      negative("discount", "d", 5000, 2500),
      line("c", "C", 1, 3000, 1200),
      negative("discount", "d12", 3000, 1200), // cancels the 12 % rate entirely
      negative("gift_card", "gc", 2000, 0),
      { type: "sales_tax", name: "Sales Tax", quantity: 1, unit_price: 999, total_amount: 999, tax_rate: 0 } as KlarnaOrderLine,
      line("s", "Shipping", 1, 4900, 2500, 0, "shipping_fee"),
    ]
    expect(vatBreakdown(lines)).toEqual([
      { tax_rate: 2500, amount: 20000 - 5000 + 4900 },
      { tax_rate: 600, amount: 10000 },
    ])
  })

  it("treats a missing tax_rate as 0 %", () => {
    const l = line("x", "X", 1, 500, 0)
    delete l.tax_rate
    expect(vatBreakdown([l])).toEqual([{ tax_rate: 0, amount: 500 }])
  })
})

/* ---------------------------------------------------------------- good-will */

describe("buildGoodwillRefundLines", () => {
  const singleRate = [
    line("tshirt", "Klarna T-shirt", 2, 19900, 2500),
    line("ship", "PostNord", 1, 4900, 2500, 0, "shipping_fee"),
    negative("gift_card", "gc-1", 1000, 0), // negative: ignored by the single-rate rule
  ]

  it("refunds a single-rate order with one line at that rate", () => {
    for (const policy of ["single_rate_only", "split_by_rate"] as const) {
      const lines = buildGoodwillRefundLines({ amount: 19900, currency: "SEK", captured_lines: singleRate, policy })
      expect(lines).toEqual([
        {
          type: "physical",
          reference: "goodwill-2500",
          name: "Good-will refund (25 % VAT)",
          quantity: 1,
          unit_price: 19900,
          total_amount: 19900,
          total_discount_amount: 0,
          tax_rate: 2500,
          total_tax_amount: 3980,
        },
      ])
      expectValid(lines)
      expect(`Klarna refund of ${formatMinorUnits(19900, "SEK")} completed (${describeGoodwillSplit(lines, "SEK")})`).toBe(
        "Klarna refund of 199,00 SEK completed (good-will, 25 % VAT)"
      )
    }
  })

  it("refuses mixed VAT rates under single_rate_only with the WooCommerce message", () => {
    const mixed = [line("tshirt", "Klarna T-shirt", 1, 30000, 2500), line("book", "Book", 1, 9800, 600)]
    const err = caught(() => buildGoodwillRefundLines({ amount: 100, currency: "SEK", captured_lines: mixed, policy: "single_rate_only" }))
    expect(err.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(err.message).toBe("Partial good-will refund is not possible for orders with items at different VAT rates")
  })

  it("single_rate_only ignores sales_tax lines and uses 0 % when nothing positive was captured", () => {
    const lines = buildGoodwillRefundLines({
      amount: 500,
      currency: "USD",
      captured_lines: [{ type: "sales_tax", name: "Sales Tax", quantity: 1, unit_price: 80, total_amount: 80, tax_rate: 0 }],
      policy: "single_rate_only",
    })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ tax_rate: 0, total_amount: 500, total_tax_amount: 0, name: "Good-will refund (0 % VAT)" })
  })

  it("splits 199,00 SEK over 25 % and 12 % lines in proportion", () => {
    const captured = [line("tshirt", "Klarna T-shirt", 1, 30000, 2500), line("food", "Lingonberry jam", 2, 4900, 1200)]
    const lines = buildGoodwillRefundLines({ amount: 19900, currency: "SEK", captured_lines: captured, policy: "split_by_rate" })
    expect(lines.map((l) => [l.reference, l.name, l.total_amount, l.total_tax_amount])).toEqual([
      ["goodwill-2500", "Good-will refund (25 % VAT)", 15000, 3000],
      ["goodwill-1200", "Good-will refund (12 % VAT)", 4900, 525],
    ])
    expect(sum(lines)).toBe(19900)
    expectValid(lines)
    expect(describeGoodwillSplit(lines, "SEK")).toBe("good-will, 25 % VAT 150,00 SEK + 12 % VAT 49,00 SEK")
  })

  it("lets a discount line reduce its rate's share", () => {
    const captured = [
      line("tshirt", "Klarna T-shirt", 2, 20000, 2500),
      negative("discount", "SUMMER", 10000, 2500),
      line("food", "Lingonberry jam", 2, 4900, 1200),
    ]
    // without the discount the 25 % share would be 19900 × 40000 / 49800 ≈ 15984
    const lines = buildGoodwillRefundLines({ amount: 19900, currency: "SEK", captured_lines: captured, policy: "split_by_rate" })
    expect(lines.map((l) => [l.tax_rate, l.total_amount])).toEqual([
      [2500, 15000],
      [1200, 4900],
    ])
  })

  it("handles 0-decimal currencies (JPY)", () => {
    const captured = [line("tea", "Sencha", 2, 1000, 800), line("cup", "Tea cup", 1, 3000, 1000)]
    const lines = buildGoodwillRefundLines({ amount: 1001, currency: "JPY", captured_lines: captured, policy: "split_by_rate" })
    // exact shares 600.6 (10 %) and 400.4 (8 %)
    expect(lines.map((l) => [l.tax_rate, l.total_amount, l.total_tax_amount])).toEqual([
      [1000, 601, 55], // 601 × 1000 / 11000 = 54.64
      [800, 400, 30], // 400 × 800 / 10800 = 29.63
    ])
    expectValid(lines)
    expect(describeGoodwillSplit(lines, "JPY")).toBe("good-will, 10 % VAT 601 JPY + 8 % VAT 400 JPY")
  })

  it("handles 3-decimal currencies (KWD) and breaks an exact .5 tie towards the larger rate weight", () => {
    const captured = [line("a", "Dates", 7, 1000, 1500), line("b", "Water", 3, 1000, 0)]
    const lines = buildGoodwillRefundLines({ amount: 12345, currency: "KWD", captured_lines: captured, policy: "split_by_rate" })
    // exact shares 8641.5 and 3703.5
    expect(lines.map((l) => [l.tax_rate, l.total_amount, l.total_tax_amount])).toEqual([
      [1500, 8642, 1127], // 8642 × 1500 / 11500 = 1127.22
      [0, 3703, 0],
    ])
    expect(sum(lines)).toBe(12345)
    expect(describeGoodwillSplit(lines, "KWD")).toBe("good-will, 15 % VAT 8,642 KWD + 0 % VAT 3,703 KWD")
  })

  it("names odd rates with a comma decimal", () => {
    const lines = buildGoodwillRefundLines({
      amount: 1075,
      currency: "EUR",
      captured_lines: [line("x", "X", 1, 2150, 750)],
      policy: "split_by_rate",
    })
    expect(lines[0]).toMatchObject({ reference: "goodwill-750", name: "Good-will refund (7,5 % VAT)", total_tax_amount: 75 })
  })

  it("omits rates whose share rounds to 0", () => {
    const lines = buildGoodwillRefundLines({
      amount: 1,
      currency: "SEK",
      captured_lines: [line("x", "X", 1, 100000, 2500), line("y", "Y", 1, 10, 600)],
      policy: "split_by_rate",
    })
    expect(lines.map((l) => [l.tax_rate, l.total_amount])).toEqual([[2500, 1]])
  })

  it("falls back to one 0 % line when nothing positive was captured", () => {
    const lines = buildGoodwillRefundLines({
      amount: 700,
      currency: "SEK",
      captured_lines: [line("x", "X", 1, 1000, 2500), negative("discount", "all", 1000, 2500)],
      policy: "split_by_rate",
    })
    expect(lines).toEqual([expect.objectContaining({ reference: "goodwill-0", tax_rate: 0, total_amount: 700, total_tax_amount: 0 })])
  })

  it.each([0, -100, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1, "100" as unknown as number])("refuses amount %p", (amount) => {
    const err = caught(() => buildGoodwillRefundLines({ amount, currency: "SEK", captured_lines: singleRate, policy: "split_by_rate" }))
    expect(err.type).toBe(MedusaError.Types.INVALID_DATA)
  })
})

/* ---------------------------------------------------------------- item refunds */

describe("buildItemRefundLines", () => {
  const captured: KlarnaOrderLine[] = [
    line("tshirt", "Klarna T-shirt", 1, 19900, 2500),
    line("mug", "Mug", 3, 10000, 2500, 1000), // total 29000
    line("book", "Book", 2, 15000, 600),
    line("shipping", "PostNord", 1, 4900, 2500, 0, "shipping_fee"),
  ]

  it("returns a full line with the captured amounts and reference", () => {
    const res = buildItemRefundLines({ currency: "SEK", captured_lines: captured, items: [{ reference: "tshirt", quantity: 1 }] })
    expect(res).toEqual({
      order_lines: [
        {
          type: "physical",
          reference: "tshirt",
          name: "Klarna T-shirt",
          quantity: 1,
          unit_price: 19900,
          total_amount: 19900,
          total_discount_amount: 0,
          tax_rate: 2500,
          total_tax_amount: 3980,
        },
      ],
      refunded_amount: 19900,
    })
    expect(describeItemRefund(res.order_lines)).toBe("items: 1 × Klarna T-shirt")
  })

  it("returns a partial quantity in proportion, keeping the unit price", () => {
    const res = buildItemRefundLines({ currency: "SEK", captured_lines: captured, items: [{ reference: "mug", quantity: 1 }] })
    expect(res.order_lines).toEqual([
      {
        type: "physical",
        reference: "mug",
        name: "Mug",
        quantity: 1,
        unit_price: 10000,
        total_amount: 9667, // 29000 / 3 = 9666.67
        total_discount_amount: 333,
        tax_rate: 2500,
        total_tax_amount: 1933,
      },
    ])
    expect(res.refunded_amount).toBe(9667)
    const two = buildItemRefundLines({ currency: "SEK", captured_lines: captured, items: [{ reference: "mug", quantity: 2 }] })
    expect(two.order_lines[0]).toMatchObject({ quantity: 2, unit_price: 10000, total_amount: 19333, total_discount_amount: 667 })
    const all = buildItemRefundLines({ currency: "SEK", captured_lines: captured, items: [{ reference: "mug", quantity: 3 }] })
    expect(all.order_lines[0]).toMatchObject({ quantity: 3, total_amount: 29000, total_discount_amount: 1000 })
    expectValid([...res.order_lines, ...two.order_lines, ...all.order_lines])
  })

  it("takes a reference's quantity from several captured lines in order (e.g. two captures)", () => {
    const twice = [line("sock", "Socks", 2, 5000, 2500), line("sock", "Socks", 1, 5000, 2500)]
    const res = buildItemRefundLines({ currency: "SEK", captured_lines: twice, items: [{ reference: "sock", quantity: 3 }] })
    expect(res.order_lines.map((l) => [l.reference, l.quantity, l.total_amount])).toEqual([
      ["sock", 2, 10000],
      ["sock", 1, 5000],
    ])
    expect(res.refunded_amount).toBe(15000)
    expect(describeItemRefund(res.order_lines)).toBe("items: 3 × Socks")
  })

  it("refuses an unknown reference, naming it", () => {
    const err = caught(() => buildItemRefundLines({ currency: "SEK", captured_lines: captured, items: [{ reference: "hat", quantity: 1 }] }))
    expect(err.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(err.message).toContain('"hat"')
  })

  it("refuses a shipping reference as an item", () => {
    const err = caught(() => buildItemRefundLines({ currency: "SEK", captured_lines: captured, items: [{ reference: "shipping", quantity: 1 }] }))
    expect(err.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(err.message).toContain('"shipping"')
  })

  it("refuses returning more than was captured, also across repeated entries", () => {
    for (const items of [[{ reference: "mug", quantity: 4 }], [{ reference: "mug", quantity: 2 }, { reference: "mug", quantity: 2 }]]) {
      const err = caught(() => buildItemRefundLines({ currency: "SEK", captured_lines: captured, items }))
      expect(err.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(err.message).toContain('"mug"')
    }
  })

  it.each([0, -1, 1.5])("refuses quantity %p", (quantity) => {
    const err = caught(() => buildItemRefundLines({ currency: "SEK", captured_lines: captured, items: [{ reference: "mug", quantity }] }))
    expect(err.type).toBe(MedusaError.Types.INVALID_DATA)
  })

  it("adds the captured shipping line in full", () => {
    const res = buildItemRefundLines({
      currency: "SEK",
      captured_lines: captured,
      items: [{ reference: "tshirt", quantity: 1 }],
      shipping: "full",
    })
    expect(res.order_lines[1]).toEqual({
      type: "shipping_fee",
      reference: "shipping",
      name: "PostNord",
      quantity: 1,
      unit_price: 4900,
      total_amount: 4900,
      total_discount_amount: 0,
      tax_rate: 2500,
      total_tax_amount: 980,
    })
    expect(res.refunded_amount).toBe(24800)
    expect(describeItemRefund(res.order_lines)).toBe("items: 1 × Klarna T-shirt, shipping")
  })

  it("adds part of the shipping at the captured shipping rate", () => {
    const res = buildItemRefundLines({ currency: "SEK", captured_lines: captured, items: [], shipping: { amount: 2000 } })
    expect(res.order_lines).toEqual([
      {
        type: "shipping_fee",
        reference: "shipping",
        name: "PostNord",
        quantity: 1,
        unit_price: 2000,
        total_amount: 2000,
        total_discount_amount: 0,
        tax_rate: 2500,
        total_tax_amount: 400,
      },
    ])
    expect(res.refunded_amount).toBe(2000)
    expect(describeItemRefund(res.order_lines)).toBe("shipping")
  })

  it("refuses more shipping than was captured", () => {
    const err = caught(() =>
      buildItemRefundLines({ currency: "SEK", captured_lines: captured, items: [{ reference: "book", quantity: 1 }], shipping: { amount: 5000 } })
    )
    expect(err.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(err.message).toContain("49,00 SEK")
  })

  it("refuses partial shipping when none was captured", () => {
    const err = caught(() =>
      buildItemRefundLines({ currency: "SEK", captured_lines: captured.slice(0, 3), items: [], shipping: { amount: 100 } })
    )
    expect(err.type).toBe(MedusaError.Types.INVALID_DATA)
  })

  it("shipping 'none' adds nothing; nothing at all is refused", () => {
    const res = buildItemRefundLines({ currency: "SEK", captured_lines: captured, items: [{ reference: "book", quantity: 1 }], shipping: "none" })
    expect(res.order_lines).toHaveLength(1)
    expect(caught(() => buildItemRefundLines({ currency: "SEK", captured_lines: captured, items: [] })).type).toBe(
      MedusaError.Types.INVALID_DATA
    )
  })

  it("adds a negative return_fee line in SE (case-insensitive)", () => {
    const res = buildItemRefundLines({
      currency: "SEK",
      captured_lines: captured,
      items: [{ reference: "tshirt", quantity: 1 }],
      shipping: "full",
      return_fee: { amount: 5000, tax_rate: 2500 },
      purchase_country: "se",
    })
    expect(res.order_lines[2]).toEqual({
      type: "return_fee",
      reference: "return-fee",
      name: "Return fee",
      quantity: 1,
      unit_price: -5000,
      total_amount: -5000,
      total_discount_amount: 0,
      tax_rate: 2500,
      total_tax_amount: -1000,
    })
    expect(res.refunded_amount).toBe(19900 + 4900 - 5000)
    expect(res.refunded_amount).toBe(sum(res.order_lines))
    expectValid(res.order_lines)
    expect(describeItemRefund(res.order_lines)).toBe("items: 1 × Klarna T-shirt, shipping, return fee")
  })

  it("refuses a return fee outside AT, DE, DK, FI, FR, NL, NO, SE", () => {
    for (const purchase_country of ["GB", undefined]) {
      const err = caught(() =>
        buildItemRefundLines({
          currency: "GBP",
          captured_lines: captured,
          items: [{ reference: "tshirt", quantity: 1 }],
          return_fee: { amount: 500, tax_rate: 2000 },
          purchase_country,
        })
      )
      expect(err.type).toBe(MedusaError.Types.NOT_ALLOWED)
      expect(err.message).toBe("A return fee can only be sent to Klarna for orders from AT, DE, DK, FI, FR, NL, NO or SE")
    }
  })

  it("refuses a return fee that is not smaller than the refunded items", () => {
    for (const amount of [19900, 20000]) {
      const err = caught(() =>
        buildItemRefundLines({
          currency: "SEK",
          captured_lines: captured,
          items: [{ reference: "tshirt", quantity: 1 }],
          shipping: "full",
          return_fee: { amount, tax_rate: 2500 },
          purchase_country: "SE",
        })
      )
      expect(err.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(err.message).toContain("199,00 SEK")
    }
    const ok = buildItemRefundLines({
      currency: "SEK",
      captured_lines: captured,
      items: [{ reference: "tshirt", quantity: 1 }],
      return_fee: { amount: 19899, tax_rate: 2500 },
      purchase_country: "SE",
    })
    expect(ok.refunded_amount).toBe(1)
  })

  it("refuses an invalid return fee", () => {
    for (const return_fee of [
      { amount: 0, tax_rate: 2500 },
      { amount: 1.5, tax_rate: 2500 },
      { amount: 100, tax_rate: -1 },
      { amount: 100, tax_rate: 12.5 },
    ]) {
      const err = caught(() =>
        buildItemRefundLines({
          currency: "SEK",
          captured_lines: captured,
          items: [{ reference: "tshirt", quantity: 1 }],
          return_fee,
          purchase_country: "SE",
        })
      )
      expect(err.type).toBe(MedusaError.Types.INVALID_DATA)
    }
  })

  it("drops urls and merchant data from the captured lines", () => {
    const res = buildItemRefundLines({ currency: "SEK", captured_lines: captured, items: [{ reference: "book", quantity: 2 }] })
    expect(res.order_lines[0]).not.toHaveProperty("product_url")
  })
})
