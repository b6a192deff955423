import { BigNumber, MedusaError } from "@medusajs/framework/utils"
import { validateOrderAmounts } from "../../validation/order-line-rules"
import {
  KlarnaLineSource,
  LineSourceItem,
  buildKlarnaOrderLines,
  ceilDiv,
  containedTax,
  klarnaUrl,
  taxRateToBasisPoints,
} from "../order-lines"

const item = (over: Partial<LineSourceItem> & { id: string }): LineSourceItem => ({
  title: `Product ${over.id}`,
  quantity: 1,
  original_total: "100",
  total: "100",
  tax_rate: 25,
  ...over,
})

const se = (over: Partial<KlarnaLineSource>): KlarnaLineSource => ({
  currency_code: "sek",
  purchase_country: "SE",
  items: [],
  ...over,
})

const catchError = (fn: () => unknown): MedusaError => {
  try {
    fn()
  } catch (e) {
    return e as MedusaError
  }
  throw new Error("expected an error")
}

const expectInvalid = (fn: () => unknown, message?: RegExp | string) => {
  const err = catchError(fn)
  expect(err).toBeInstanceOf(MedusaError)
  expect(err.type).toBe(MedusaError.Types.INVALID_DATA)
  if (message) {
    expect(err.message).toMatch(message)
  }
  return err
}

const expectValid = (result: ReturnType<typeof buildKlarnaOrderLines>) => {
  expect(validateOrderAmounts(result)).toEqual([])
  for (const line of result.order_lines) {
    for (const v of Object.values(line)) {
      if (typeof v === "number") {
        expect(Number.isSafeInteger(v)).toBe(true)
      }
    }
  }
}

describe("integer helpers", () => {
  it("ceilDiv", () => {
    expect(ceilDiv(10000, 3)).toBe(3334)
    expect(ceilDiv(9999, 3)).toBe(3333)
    expect(ceilDiv(0, 3)).toBe(0)
    expect(ceilDiv(-100, 3)).toBe(-33)
    expect(ceilDiv(1, 1)).toBe(1)
  })

  it("containedTax rounds half up and stays within Klarna's ±1", () => {
    expect(containedTax(12500, 2500)).toBe(2500)
    expect(containedTax(10000, 2500)).toBe(2000)
    expect(containedTax(1, 2500)).toBe(0) // 0.2
    expect(containedTax(3, 2500)).toBe(1) // 0.6
    expect(containedTax(5, 10000)).toBe(3) // 2.5 → 3
    expect(containedTax(-5, 10000)).toBe(-3)
    expect(containedTax(10000, 0)).toBe(0)
    expect(containedTax(1000, 1000)).toBe(91) // 90.909
  })

  it("taxRateToBasisPoints", () => {
    expect(taxRateToBasisPoints(25, "x")).toBe(2500)
    expect(taxRateToBasisPoints(12.5, "x")).toBe(1250)
    expect(taxRateToBasisPoints(7.125, "x")).toBe(713)
    expect(taxRateToBasisPoints(0, "x")).toBe(0)
    expect(taxRateToBasisPoints(undefined, "x")).toBe(0)
    expectInvalid(() => taxRateToBasisPoints(101, "x"), /tax rate/)
    expectInvalid(() => taxRateToBasisPoints(-1, "x"), /tax rate/)
    expectInvalid(() => taxRateToBasisPoints(NaN, "x"), /tax rate/)
  })

  it("klarnaUrl keeps only absolute http(s) URLs up to 1024 characters", () => {
    expect(klarnaUrl("https://shop.example/p/1")).toBe("https://shop.example/p/1")
    expect(klarnaUrl(" http://shop.example/a b ")).toBe("http://shop.example/a%20b")
    expect(klarnaUrl("/relative/path.png")).toBeUndefined()
    expect(klarnaUrl("ftp://shop.example/x")).toBeUndefined()
    expect(klarnaUrl("javascript:alert(1)")).toBeUndefined()
    expect(klarnaUrl("data:image/png;base64,AAAA")).toBeUndefined()
    expect(klarnaUrl(null)).toBeUndefined()
    expect(klarnaUrl("")).toBeUndefined()
    const long = "https://shop.example/" + "a".repeat(1024)
    expect(klarnaUrl(long)).toBeUndefined()
    const fits = "https://shop.example/" + "a".repeat(1024 - "https://shop.example/".length)
    expect(klarnaUrl(fits)).toBe(fits)
  })
})

describe("buildKlarnaOrderLines — products", () => {
  it("builds a single 25 % line", () => {
    const result = buildKlarnaOrderLines(
      se({
        items: [
          item({
            id: "item_1",
            title: "Blue shirt",
            reference: "SKU-1",
            original_total: "100.00",
            total: "100.00",
            tax_total: "20.00",
            product_url: "https://shop.example/products/blue-shirt",
            image_url: "https://cdn.example/blue.png",
          }),
        ],
        amount: "100",
      })
    )
    expect(result).toEqual({
      order_amount: 10000,
      order_tax_amount: 2000,
      order_lines: [
        {
          type: "physical",
          reference: "SKU-1",
          name: "Blue shirt",
          quantity: 1,
          unit_price: 10000,
          tax_rate: 2500,
          total_amount: 10000,
          total_discount_amount: 0,
          total_tax_amount: 2000,
          product_url: "https://shop.example/products/blue-shirt",
          image_url: "https://cdn.example/blue.png",
        },
      ],
    })
  })

  it("handles mixed 25/12/6/0 % rates", () => {
    const result = buildKlarnaOrderLines(
      se({
        items: [
          item({ id: "a", original_total: "125", total: "125", tax_rate: 25 }),
          item({ id: "b", quantity: 2, original_total: "224", total: "224", tax_rate: 12 }),
          item({ id: "c", quantity: 3, original_total: "31.80", total: "31.80", tax_rate: 6 }),
          item({ id: "d", original_total: "50", total: "50", tax_rate: 0 }),
        ],
        amount: "430.80",
      })
    )
    expectValid(result)
    expect(result.order_lines.map((l) => [l.tax_rate, l.unit_price, l.total_amount, l.total_tax_amount])).toEqual([
      [2500, 12500, 12500, 2500],
      [1200, 11200, 22400, 2400],
      [600, 1060, 3180, 180],
      [0, 5000, 5000, 0],
    ])
    expect(result.order_amount).toBe(43080)
    expect(result.order_tax_amount).toBe(2500 + 2400 + 180)
  })

  it("rounds the unit price up when the quantity does not divide the total (3 for 100.00)", () => {
    const result = buildKlarnaOrderLines(se({ items: [item({ id: "x", quantity: 3, original_total: "100.00", total: "100.00" })] }))
    expectValid(result)
    expect(result.order_lines[0]).toMatchObject({
      quantity: 3,
      unit_price: 3334,
      total_discount_amount: 2,
      total_amount: 10000,
      total_tax_amount: 2000,
    })
  })

  it("carries discounts in total_discount_amount", () => {
    const result = buildKlarnaOrderLines(
      se({ items: [item({ id: "x", quantity: 2, original_total: "200", total: "150", tax_total: "30" })], amount: "150" })
    )
    expectValid(result)
    expect(result.order_lines[0]).toMatchObject({ unit_price: 10000, total_discount_amount: 5000, total_amount: 15000, total_tax_amount: 3000 })
  })

  it("still produces a valid line when total exceeds original_total", () => {
    const result = buildKlarnaOrderLines(se({ items: [item({ id: "x", quantity: 3, original_total: "100", total: "100.50" })] }))
    expectValid(result)
    expect(result.order_lines[0]).toMatchObject({ unit_price: 3350, total_discount_amount: 0, total_amount: 10050 })
  })

  it("accepts BigNumber instances and raw values", () => {
    const result = buildKlarnaOrderLines(
      se({
        items: [
          item({
            id: "x",
            quantity: new BigNumber(2),
            original_total: { value: "99.98000000000000000000", precision: 20 },
            total: new BigNumber({ value: "89.98", precision: 20 }),
          }),
        ],
      })
    )
    expectValid(result)
    expect(result.order_lines[0]).toMatchObject({ quantity: 2, unit_price: 4999, total_discount_amount: 1000, total_amount: 8998 })
  })

  it("uses odd VAT rates in basis points", () => {
    const result = buildKlarnaOrderLines(
      se({ items: [item({ id: "x", original_total: "107.50", total: "107.50", tax_rate: 7.5 }), item({ id: "y", total: "112.50", original_total: "112.50", tax_rate: 12.5 })] })
    )
    expectValid(result)
    expect(result.order_lines.map((l) => [l.tax_rate, l.total_tax_amount])).toEqual([
      [750, 750],
      [1250, 1250],
    ])
  })

  it("marks digital items, falls back for names/references and drops bad URLs", () => {
    const result = buildKlarnaOrderLines(
      se({
        items: [
          item({ id: "item_9", title: "   ", reference: null, is_digital: true, product_url: "/p/9", image_url: "ftp://x/y.png" }),
          item({ id: "item_10", title: "x".repeat(300), reference: "R".repeat(300) }),
        ],
      })
    )
    expectValid(result)
    const [a, b] = result.order_lines
    expect(a).toMatchObject({ type: "digital", name: "Item", reference: "item_9" })
    expect(a.product_url).toBeUndefined()
    expect(a.image_url).toBeUndefined()
    expect(b.name).toHaveLength(255)
    expect(b.reference).toHaveLength(255)
  })

  it("does not split a surrogate pair when trimming a name", () => {
    const result = buildKlarnaOrderLines(se({ items: [item({ id: "e", title: "a".repeat(254) + "😀😀" })] }))
    expectValid(result)
    expect(result.order_lines[0].name).toBe("a".repeat(254))
  })

  it("skips zero-quantity items with no amount, refuses those with one", () => {
    const result = buildKlarnaOrderLines(
      se({ items: [item({ id: "a" }), item({ id: "gone", quantity: 0, original_total: 0, total: 0 })] })
    )
    expect(result.order_lines).toHaveLength(1)
    expectInvalid(() => buildKlarnaOrderLines(se({ items: [item({ id: "gone", quantity: 0 })] })), /quantity 0/)
  })

  it("refuses non-integer and negative quantities", () => {
    expectInvalid(() => buildKlarnaOrderLines(se({ items: [item({ id: "x", quantity: 1.5 })] })), /non-integer quantity 1\.5/)
    expectInvalid(() => buildKlarnaOrderLines(se({ items: [item({ id: "x", quantity: "2.25" })] })), /non-integer quantity/)
    expectInvalid(() => buildKlarnaOrderLines(se({ items: [item({ id: "x", quantity: -1 })] })), /negative quantity/)
  })

  it("refuses invalid tax rates and amounts", () => {
    expectInvalid(() => buildKlarnaOrderLines(se({ items: [item({ id: "x", tax_rate: 250 })] })), /tax rate/)
    expectInvalid(() => buildKlarnaOrderLines(se({ items: [item({ id: "x", total: "abc" })] })), /Line item x total/)
    expectInvalid(() => buildKlarnaOrderLines(se({ currency_code: "XYZ", items: [item({ id: "x" })] })), /Unknown currency code/)
  })
})

describe("buildKlarnaOrderLines — shipping, surcharges and credits", () => {
  it("adds shipping_fee lines", () => {
    const result = buildKlarnaOrderLines(
      se({
        items: [item({ id: "a" })],
        shipping_methods: [
          { id: "sm_1", name: "PostNord", original_total: "49", total: "49", tax_rate: 25 },
          { id: "sm_2", name: "", reference: "express", original_total: "99", total: "0", tax_rate: 25 },
        ],
        amount: "149",
      })
    )
    expectValid(result)
    expect(result.order_lines.slice(1)).toEqual([
      { type: "shipping_fee", reference: "sm_1", name: "PostNord", quantity: 1, unit_price: 4900, tax_rate: 2500, total_amount: 4900, total_discount_amount: 0, total_tax_amount: 980 },
      { type: "shipping_fee", reference: "express", name: "Shipping", quantity: 1, unit_price: 9900, tax_rate: 2500, total_amount: 0, total_discount_amount: 9900, total_tax_amount: 0 },
    ])
    expect(result.order_amount).toBe(14900)
  })

  it("adds surcharge lines", () => {
    const result = buildKlarnaOrderLines(
      se({ items: [item({ id: "a" })], surcharges: [{ id: "fee_1", name: "Invoice fee", total: "29", tax_rate: 25 }] })
    )
    expectValid(result)
    expect(result.order_lines[1]).toEqual({
      type: "surcharge",
      reference: "fee_1",
      name: "Invoice fee",
      quantity: 1,
      unit_price: 2900,
      tax_rate: 2500,
      total_amount: 2900,
      total_discount_amount: 0,
      total_tax_amount: 580,
    })
  })

  it("adds a negative line per gift card / store credit", () => {
    const result = buildKlarnaOrderLines(
      se({
        items: [item({ id: "a", original_total: "250", total: "250" })],
        credits: [
          { id: "gc_1", name: "Gift card ABCD", amount: "50", kind: "gift_card" },
          { id: "sc_1", name: "", amount: "25.50", kind: "store_credit" },
          { id: "gc_0", name: "Empty", amount: "0", kind: "gift_card" },
        ],
        amount: "174.50",
      })
    )
    expectValid(result)
    expect(result.order_lines.slice(1)).toEqual([
      { type: "gift_card", reference: "gc_1", name: "Gift card ABCD", quantity: 1, unit_price: -5000, tax_rate: 0, total_amount: -5000, total_tax_amount: 0 },
      { type: "store_credit", reference: "sc_1", name: "Store credit", quantity: 1, unit_price: -2550, tax_rate: 0, total_amount: -2550, total_tax_amount: 0 },
    ])
    expect(result.order_amount).toBe(17450)
    expect(result.order_tax_amount).toBe(5000)
  })

  it("refuses negative credits and a negative order amount", () => {
    expectInvalid(
      () => buildKlarnaOrderLines(se({ items: [item({ id: "a" })], credits: [{ id: "gc", name: "GC", amount: "-5", kind: "gift_card" }] })),
      /negative amount/
    )
    expectInvalid(
      () => buildKlarnaOrderLines(se({ items: [item({ id: "a" })], credits: [{ id: "gc", name: "GC", amount: "150", kind: "gift_card" }] })),
      /negative \(-50,00 SEK\)/
    )
  })

  it("refuses an order without lines", () => {
    expectInvalid(() => buildKlarnaOrderLines(se({ items: [] })), /without order lines/)
    expectInvalid(() => buildKlarnaOrderLines(se({ items: [item({ id: "a", quantity: 0, total: 0, original_total: 0 })] })), /without order lines/)
  })
})

describe("buildKlarnaOrderLines — US sales tax", () => {
  it("sends net amounts and one sales_tax line", () => {
    const result = buildKlarnaOrderLines({
      currency_code: "usd",
      purchase_country: "us",
      items: [
        item({ id: "a", quantity: 2, original_total: "216.50", total: "195.00", tax_total: "15.00", original_tax_total: "16.50", tax_rate: 8.25 }),
      ],
      shipping_methods: [{ id: "sm", name: "UPS", original_total: "10.83", total: "10.83", tax_total: "0.83", original_tax_total: "0.83", tax_rate: 8.3 }],
      amount: "205.83",
    })
    expectValid(result)
    expect(result.order_lines).toEqual([
      { type: "physical", reference: "a", name: "Product a", quantity: 2, unit_price: 10000, tax_rate: 0, total_amount: 18000, total_discount_amount: 2000, total_tax_amount: 0 },
      { type: "shipping_fee", reference: "sm", name: "UPS", quantity: 1, unit_price: 1000, tax_rate: 0, total_amount: 1000, total_discount_amount: 0, total_tax_amount: 0 },
      { type: "sales_tax", name: "Sales Tax", quantity: 1, unit_price: 1583, total_amount: 1583, tax_rate: 0, total_tax_amount: 0 },
    ])
    expect(result.order_amount).toBe(20583)
    expect(result.order_tax_amount).toBe(1583)
  })

  it("omits the sales_tax line when there is no tax", () => {
    const result = buildKlarnaOrderLines({
      currency_code: "USD",
      purchase_country: "US",
      items: [item({ id: "a", original_total: "20", total: "20", tax_total: "0", tax_rate: 0 })],
    })
    expectValid(result)
    expect(result.order_lines.map((l) => l.type)).toEqual(["physical"])
    expect(result.order_tax_amount).toBe(0)
  })

  it("splits a surcharge into net + sales tax", () => {
    const result = buildKlarnaOrderLines({
      currency_code: "USD",
      purchase_country: "US",
      items: [item({ id: "a", original_total: "10", total: "10", tax_total: "0", tax_rate: 0 })],
      surcharges: [{ id: "s", name: "Handling", total: "5.40", tax_rate: 8 }],
      amount: "15.40",
    })
    expectValid(result)
    expect(result.order_lines.map((l) => [l.type, l.total_amount, l.tax_rate])).toEqual([
      ["physical", 1000, 0],
      ["surcharge", 500, 0],
      ["sales_tax", 40, 0],
    ])
  })
})

describe("buildKlarnaOrderLines — other currencies", () => {
  it("JPY has no minor digits", () => {
    const result = buildKlarnaOrderLines({
      currency_code: "JPY",
      purchase_country: "SE",
      items: [item({ id: "a", quantity: 3, original_total: "1000", total: "1000", tax_rate: 10 })],
      amount: 1000,
    })
    expectValid(result)
    expect(result.order_lines[0]).toMatchObject({ unit_price: 334, total_discount_amount: 2, total_amount: 1000, total_tax_amount: 91, tax_rate: 1000 })
  })

  it("KWD has three minor digits", () => {
    const result = buildKlarnaOrderLines({
      currency_code: "KWD",
      purchase_country: "KW",
      items: [item({ id: "a", quantity: 2, original_total: "2.468", total: "2.000", tax_rate: 0 })],
      shipping_methods: [{ id: "s", name: "DHL", original_total: "1.234", total: "1.234", tax_rate: 0 }],
      amount: "3.234",
    })
    expectValid(result)
    expect(result.order_lines.map((l) => [l.unit_price, l.total_discount_amount, l.total_amount])).toEqual([
      [1234, 468, 2000],
      [1234, 0, 1234],
    ])
    expect(result.order_amount).toBe(3234)
  })
})

describe("buildKlarnaOrderLines — rounding remainder", () => {
  it("absorbs a positive remainder in the largest line", () => {
    // three lines of 33.333333… each round to 33.33; the payment is 100.00
    const third = "33.33333333333333333333"
    const result = buildKlarnaOrderLines(
      se({
        items: [
          item({ id: "a", original_total: third, total: third }),
          item({ id: "b", quantity: 2, original_total: "40", total: third }),
          item({ id: "c", original_total: third, total: third }),
        ],
        amount: "100",
      })
    )
    expectValid(result)
    expect(result.order_amount).toBe(10000)
    // the first line with the largest total (a) takes the extra minor unit
    expect(result.order_lines.map((l) => l.total_amount)).toEqual([3334, 3333, 3333])
    expect(result.order_lines[0]).toMatchObject({ unit_price: 3334, total_discount_amount: 0, total_tax_amount: 667 })
    expect(result.order_lines[1]).toMatchObject({ unit_price: 2000, total_discount_amount: 667 })
  })

  it("absorbs a negative remainder by raising the discount", () => {
    const result = buildKlarnaOrderLines(
      se({
        items: [
          item({ id: "a", original_total: "10.005", total: "10.005" }),
          item({ id: "b", original_total: "20.005", total: "20.005" }),
        ],
        amount: "30.01",
      })
    )
    expectValid(result)
    expect(result.order_amount).toBe(3001)
    expect(result.order_lines[1]).toMatchObject({ unit_price: 2001, total_amount: 2000, total_discount_amount: 1, total_tax_amount: 400 })
  })

  it("refuses a stale payment amount with a readable message", () => {
    const err = expectInvalid(() =>
      buildKlarnaOrderLines(se({ items: [item({ id: "a", original_total: "1249", total: "1249" })], amount: "1500" }))
    )
    expect(err.message).toBe("The Klarna order lines add up to 1 249,00 SEK but the payment amount is 1 500,00 SEK. Refresh the cart and try again.")
  })

  it("tolerates at most one minor unit per line", () => {
    const items = [item({ id: "a", original_total: "10", total: "10" }), item({ id: "b", original_total: "10", total: "10" })]
    expect(buildKlarnaOrderLines(se({ items, amount: "20.02" })).order_amount).toBe(2002)
    expect(buildKlarnaOrderLines(se({ items, amount: "19.98" })).order_amount).toBe(1998)
    expectInvalid(() => buildKlarnaOrderLines(se({ items, amount: "20.03" })), /add up to 20,00 SEK but the payment amount is 20,03 SEK/)
  })
})
