/**
 * Property tests: random Medusa-like carts must always produce order lines
 * Klarna accepts, adding up exactly to the payment amount.
 */
import fc from "fast-check"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { validateOrderAmounts } from "../../validation/order-line-rules"
import { currencyExponent, toMinorUnits } from "../currency"
import { KlarnaLineSource, LineSourceItem, LineSourceShipping, buildKlarnaOrderLines } from "../order-lines"

type Decimal = ReturnType<typeof MathBN.convert>

const NUM_RUNS = 400

const MARKETS = [
  { currency: "SEK", country: "SE" },
  { currency: "EUR", country: "DE" },
  { currency: "JPY", country: "JP" },
  { currency: "KWD", country: "KW" },
  { currency: "USD", country: "US" },
] as const

const RATES = [25, 12, 6, 0, 25, 12, 6, 0, 7.5, 8.875, 19, 21, 2.1, 10] as const

/** Medusa-like tax: total × rate / (100 + rate), 20 decimal places, not rounded to the currency. */
const taxOf = (total: Decimal, rate: number): Decimal => total.times(rate).dividedBy(100 + rate).decimalPlaces(20)

interface RawLine {
  quantity: number
  unitMinor: number
  /** share of the original total given away, in millionths (gives unrounded discounts like Medusa's allocation) */
  discountPpm: number
  rate: number
}

const rawItem = fc.record({
  quantity: fc.integer({ min: 1, max: 10 }),
  unitMinor: fc.oneof(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 0, max: 999 })),
  discountPpm: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(333_333, 500_000, 1_000_000)),
  rate: fc.constantFrom(...RATES),
})

const rawShipping = fc.record({
  quantity: fc.constant(1),
  unitMinor: fc.integer({ min: 0, max: 50_000 }),
  discountPpm: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000 })),
  rate: fc.constantFrom(...RATES),
})

const cartArb = fc.record({
  market: fc.constantFrom(...MARKETS),
  items: fc.array(rawItem, { minLength: 1, maxLength: 40 }),
  shipping: fc.array(rawShipping, { minLength: 0, maxLength: 2 }),
  /** gift card as a share of the cart total in millionths, or none */
  giftPpm: fc.option(fc.integer({ min: 1, max: 990_000 }), { nil: undefined }),
  /** pass amounts as decimal strings, JS numbers or raw BigNumber objects */
  encoding: fc.constantFrom("string", "raw", "number"),
})

type Cart = typeof cartArb extends fc.Arbitrary<infer T> ? T : never

function totalsOf(raw: RawLine, exp: number) {
  const original = MathBN.convert(raw.unitMinor).times(raw.quantity).shiftedBy(-exp)
  const discount = original.times(raw.discountPpm).dividedBy(1_000_000).decimalPlaces(20)
  const total = original.minus(discount)
  return {
    original,
    total,
    tax: taxOf(total, raw.rate),
    originalTax: taxOf(original, raw.rate),
  }
}

function buildSource(cart: Cart): { source: KlarnaLineSource; amount: Decimal; giftMinor: number } {
  const { currency, country } = cart.market
  const exp = currencyExponent(currency)
  const enc = (d: Decimal) =>
    cart.encoding === "raw" ? { value: d.toFixed(), precision: 20 } : cart.encoding === "number" ? d.toNumber() : d.toFixed()
  let sum = MathBN.convert(0)
  const items: LineSourceItem[] = cart.items.map((raw, i) => {
    const t = totalsOf(raw, exp)
    sum = sum.plus(t.total)
    return {
      id: `item_${i}`,
      title: `Product ${i}`,
      reference: i % 3 === 0 ? null : `SKU-${i}`,
      quantity: raw.quantity,
      original_total: enc(t.original),
      total: enc(t.total),
      tax_total: enc(t.tax),
      original_tax_total: enc(t.originalTax),
      tax_rate: raw.rate,
      is_digital: i % 7 === 6,
    }
  })
  const shipping_methods: LineSourceShipping[] = cart.shipping.map((raw, i) => {
    const t = totalsOf(raw, exp)
    sum = sum.plus(t.total)
    return {
      id: `sm_${i}`,
      name: `Shipping ${i}`,
      original_total: enc(t.original),
      total: enc(t.total),
      tax_total: enc(t.tax),
      original_tax_total: enc(t.originalTax),
      tax_rate: raw.rate,
    }
  })
  // a gift card smaller than the total, in whole minor units
  let giftMinor = 0
  if (cart.giftPpm !== undefined) {
    giftMinor = sum.shiftedBy(exp).times(cart.giftPpm).dividedBy(1_000_000).integerValue(3 /* floor */).toNumber()
  }
  const gift = MathBN.convert(giftMinor).shiftedBy(-exp)
  const amount = sum.minus(gift)
  const source: KlarnaLineSource = {
    currency_code: currency.toLowerCase(),
    purchase_country: country,
    items,
    shipping_methods,
    credits: cart.giftPpm !== undefined ? [{ id: "gc_1", name: "Gift card", amount: gift.toFixed(), kind: "gift_card" }] : [],
    amount: cart.encoding === "raw" ? { value: amount.toFixed(), precision: 20 } : amount.toFixed(),
  }
  return { source, amount, giftMinor }
}

/** Sales tax the builder should report for a US cart: Σ minor(total) − minor(total − tax). */
function expectedSalesTax(source: KlarnaLineSource): number {
  const c = source.currency_code
  return [...source.items, ...(source.shipping_methods ?? [])].reduce(
    (s, l) => s + toMinorUnits(l.total, c) - toMinorUnits(MathBN.sub(l.total, l.tax_total ?? 0), c),
    0
  )
}

describe("buildKlarnaOrderLines (property)", () => {
  it("always yields valid Klarna lines that add up to the payment amount", () => {
    fc.assert(
      fc.property(cartArb, (cart) => {
        const { source, amount, giftMinor } = buildSource(cart)
        const us = cart.market.country === "US"
        const result = buildKlarnaOrderLines(source)

        expect(validateOrderAmounts(result)).toEqual([])
        expect(result.order_amount).toBe(toMinorUnits(amount.toFixed(), cart.market.currency))
        expect(result.order_amount).toBe(result.order_lines.reduce((s, l) => s + l.total_amount, 0))

        for (const line of result.order_lines) {
          for (const key of ["quantity", "unit_price", "total_amount", "tax_rate", "total_tax_amount"] as const) {
            expect(Number.isSafeInteger(line[key])).toBe(true)
          }
          if (line.total_discount_amount !== undefined) {
            expect(Number.isSafeInteger(line.total_discount_amount)).toBe(true)
            expect(line.total_discount_amount).toBeGreaterThanOrEqual(0)
          }
          expect(line.name.length).toBeGreaterThan(0)
        }

        const salesTax = us ? expectedSalesTax(source) : 0
        const expectedCount = cart.items.length + cart.shipping.length + (giftMinor > 0 ? 1 : 0) + (salesTax > 0 ? 1 : 0)
        expect(result.order_lines).toHaveLength(expectedCount)

        const types = result.order_lines.map((l) => l.type)
        expect(types.filter((t) => t === "physical" || t === "digital")).toHaveLength(cart.items.length)
        expect(types.filter((t) => t === "shipping_fee")).toHaveLength(cart.shipping.length)

        if (us) {
          expect(result.order_lines.every((l) => l.tax_rate === 0 && l.total_tax_amount === 0)).toBe(true)
          expect(result.order_tax_amount).toBe(salesTax)
          if (salesTax > 0) {
            expect(result.order_lines[result.order_lines.length - 1]).toEqual({
              type: "sales_tax",
              name: "Sales Tax",
              quantity: 1,
              unit_price: salesTax,
              total_amount: salesTax,
              tax_rate: 0,
              total_tax_amount: 0,
            })
          }
        } else {
          // each product line carries its rate in basis points and the VAT contained in it
          cart.items.forEach((raw, i) => {
            expect(result.order_lines[i].tax_rate).toBe(Math.round(raw.rate * 100))
          })
          expect(result.order_tax_amount).toBe(result.order_lines.reduce((s, l) => s + (l.total_tax_amount ?? 0), 0))
        }

        // the rounding remainder touches at most one line, by at most one minor unit per line
        const drift = result.order_lines
          .slice(0, cart.items.length + cart.shipping.length)
          .map((l, i) => {
            const src = i < source.items.length ? source.items[i] : source.shipping_methods![i - source.items.length]
            const expected = us
              ? toMinorUnits(MathBN.sub(src.total, src.tax_total ?? 0), cart.market.currency)
              : toMinorUnits(src.total, cart.market.currency)
            return l.total_amount - expected
          })
          .filter((d) => d !== 0)
        expect(drift.length).toBeLessThanOrEqual(1)
        if (drift.length) {
          expect(Math.abs(drift[0])).toBeLessThanOrEqual(result.order_lines.length)
        }
      }),
      { numRuns: NUM_RUNS, seed: 0x6b6c61 }
    )
  })

  it("refuses a payment amount that is off by more than one minor unit per line", () => {
    fc.assert(
      fc.property(cartArb, fc.boolean(), (cart, up) => {
        const { source } = buildSource(cart)
        const ok = buildKlarnaOrderLines(source)
        const n = ok.order_lines.length
        const exp = currencyExponent(cart.market.currency)
        const shift = (2 * n + 1) * (up ? 1 : -1)
        const stale = MathBN.add(MathBN.convert(ok.order_amount).shiftedBy(-exp), MathBN.convert(shift).shiftedBy(-exp))
        let error: unknown
        try {
          buildKlarnaOrderLines({ ...source, amount: stale.toFixed() })
        } catch (e) {
          error = e
        }
        expect(error).toBeInstanceOf(MedusaError)
        expect((error as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
        // either the stale-amount message, or (for a tiny cart shifted below zero) the negative-amount one
        expect((error as MedusaError).message).toMatch(/Refresh the cart|negative/)
      }),
      { numRuns: 300, seed: 424242 }
    )
  })

  it("without an amount, order_amount is the sum of the individually rounded lines", () => {
    fc.assert(
      fc.property(cartArb, (cart) => {
        const { source } = buildSource(cart)
        const { amount: _ignored, ...rest } = source
        const result = buildKlarnaOrderLines(rest)
        expect(validateOrderAmounts(result)).toEqual([])
        if (cart.market.country !== "US") {
          const c = cart.market.currency
          const expected =
            source.items.reduce((s, l) => s + toMinorUnits(l.total, c), 0) +
            (source.shipping_methods ?? []).reduce((s, l) => s + toMinorUnits(l.total, c), 0) -
            (source.credits ?? []).reduce((s, l) => s + toMinorUnits(l.amount, c), 0)
          expect(result.order_amount).toBe(expected)
        }
      }),
      { numRuns: 300, seed: 99 }
    )
  })
})
