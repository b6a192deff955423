/**
 * Property tests: good-will splits and item refunds built from random captured
 * line sets must always be valid Klarna lines that add up exactly.
 */
import fc from "fast-check"
import { MedusaError } from "@medusajs/framework/utils"
import { KlarnaOrderLine, validateOrderLine } from "../../validation/order-line-rules"
import { buildGoodwillRefundLines, buildItemRefundLines, ShippingRefund } from "../refund-lines"

const NUM_RUNS = 400

const RATES = [2500, 1200, 600, 0, 2500, 1200, 600, 0, 750, 1950, 887, 2100] as const

/** VAT contained in a tax-inclusive total, half away from zero (independent of the module). */
function tax(total: number, rate: number): number {
  const num = BigInt(Math.abs(total)) * BigInt(rate)
  const den = BigInt(10000 + rate)
  const r = Number((2n * num + den) / (2n * den))
  return total < 0 ? -r : r
}

/** round(a × q / Q) half away from zero, exact. */
function share(total: number, q: number, Q: number): number {
  const num = BigInt(Math.abs(total)) * BigInt(q)
  const den = BigInt(Q)
  const r = Number((2n * num + den) / (2n * den))
  return total < 0 ? -r : r
}

/* ---------------------------------------------------------------- captured line generator */

const itemArb = fc.record({
  type: fc.constantFrom("physical" as const, "physical" as const, "digital" as const),
  quantity: fc.integer({ min: 1, max: 10 }),
  unit: fc.oneof(fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 1, max: 999 })),
  /** discount as millionths of the line's gross (< 100 %) */
  discountPpm: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 999_999 }), fc.constantFrom(333_333, 500_000)),
  rate: fc.constantFrom(...RATES),
})

const discountArb = fc.record({ amount: fc.integer({ min: 1, max: 50_000 }), rate: fc.constantFrom(...RATES) })
const shippingArb = fc.record({ unit: fc.integer({ min: 0, max: 50_000 }), rate: fc.constantFrom(...RATES) })

const capturedArb = fc
  .record({
    items: fc.array(itemArb, { minLength: 1, maxLength: 26 }),
    discounts: fc.array(discountArb, { minLength: 0, maxLength: 2 }),
    shipping: fc.array(shippingArb, { minLength: 0, maxLength: 2 }),
    /** gift card as millionths of the positive total */
    giftPpm: fc.option(fc.integer({ min: 1, max: 900_000 }), { nil: undefined }),
  })
  .map(({ items, discounts, shipping, giftPpm }) => {
    const lines: KlarnaOrderLine[] = []
    items.forEach((it, i) => {
      const gross = it.quantity * it.unit
      const discount = Number((BigInt(gross) * BigInt(it.discountPpm)) / 1_000_000n)
      const total = gross - discount
      lines.push({
        type: it.type,
        reference: `sku-${i}`,
        name: `Item ${i}`,
        quantity: it.quantity,
        quantity_unit: "pcs",
        unit_price: it.unit,
        tax_rate: it.rate,
        total_amount: total,
        total_discount_amount: discount,
        total_tax_amount: tax(total, it.rate),
      })
    })
    discounts.forEach((d, i) =>
      lines.push({
        type: "discount",
        reference: `promo-${i}`,
        name: `Promotion ${i}`,
        quantity: 1,
        unit_price: -d.amount,
        tax_rate: d.rate,
        total_amount: -d.amount,
        total_discount_amount: 0,
        total_tax_amount: tax(-d.amount, d.rate),
      })
    )
    shipping.forEach((s, i) =>
      lines.push({
        type: "shipping_fee",
        reference: `ship-${i}`,
        name: `Shipping ${i}`,
        quantity: 1,
        unit_price: s.unit,
        tax_rate: s.rate,
        total_amount: s.unit,
        total_discount_amount: 0,
        total_tax_amount: tax(s.unit, s.rate),
      })
    )
    if (giftPpm !== undefined) {
      const positive = lines.reduce((s, l) => s + Math.max(0, l.total_amount), 0)
      const g = Math.floor((positive * giftPpm) / 1_000_000)
      if (g > 0) {
        lines.push({
          type: "gift_card",
          reference: "gift-card",
          name: "Gift card",
          quantity: 1,
          unit_price: -g,
          tax_rate: 0,
          total_amount: -g,
          total_discount_amount: 0,
          total_tax_amount: 0,
        })
      }
    }
    return lines
  })

const positiveTotal = (lines: KlarnaOrderLine[]) => lines.reduce((s, l) => s + Math.max(0, l.total_amount), 0)

function expectAllValid(lines: KlarnaOrderLine[]) {
  lines.forEach((l, i) => {
    const v = validateOrderLine(l, i)
    if (v.length) {
      throw new Error(`line ${i} invalid: ${JSON.stringify(v)} ${JSON.stringify(l)}`)
    }
  })
}

/** Net positive captured amount per rate, computed independently of vatBreakdown. */
function weights(lines: KlarnaOrderLine[]): Map<number, bigint> {
  const m = new Map<number, bigint>()
  for (const l of lines) {
    if (l.type !== "sales_tax") {
      const r = l.tax_rate ?? 0
      m.set(r, (m.get(r) ?? 0n) + BigInt(l.total_amount))
    }
  }
  for (const [r, w] of m) {
    if (w <= 0n) {
      m.delete(r)
    }
  }
  return m
}

/* ---------------------------------------------------------------- good-will */

describe("good-will split (property)", () => {
  it("captured fixtures are valid Klarna lines", () => {
    fc.assert(
      fc.property(capturedArb, (lines) => {
        expectAllValid(lines)
      }),
      { numRuns: 200, seed: 11 }
    )
  })

  it("sums exactly to the amount, every line is valid and each share is within 1 of the exact proportion", () => {
    const arb = capturedArb.chain((lines) => {
      const max = positiveTotal(lines)
      return fc.record({
        lines: fc.constant(lines),
        amount: fc.oneof(fc.integer({ min: 1, max: Math.min(max, 10) }), fc.integer({ min: 1, max })),
        currency: fc.constantFrom("SEK", "EUR", "JPY", "KWD"),
      })
    })
    fc.assert(
      fc.property(arb, ({ lines, amount, currency }) => {
        const out = buildGoodwillRefundLines({ amount, currency, captured_lines: lines, policy: "split_by_rate" })
        expectAllValid(out)
        expect(out.reduce((s, l) => s + l.total_amount, 0)).toBe(amount)

        const w = weights(lines)
        if (w.size === 0) {
          expect(out).toHaveLength(1)
          expect(out[0]).toMatchObject({ tax_rate: 0, total_amount: amount })
          return
        }
        const W = [...w.values()].reduce((s, x) => s + x, 0n)
        const byRate = new Map(out.map((l) => [l.tax_rate!, l]))
        expect(byRate.size).toBe(out.length) // one line per rate
        for (const l of out) {
          expect(w.has(l.tax_rate!)).toBe(true)
          expect(l.total_amount).toBeGreaterThan(0)
          expect(l.reference).toBe(`goodwill-${l.tax_rate}`)
          expect(l.quantity).toBe(1)
        }
        // sorted by rate descending
        expect(out.map((l) => l.tax_rate)).toEqual([...out.map((l) => l.tax_rate!)].sort((a, b) => b - a))
        for (const [rate, wr] of w) {
          const got = BigInt(byRate.get(rate)?.total_amount ?? 0)
          // |got − amount × wr / W| < 1  <=>  |got × W − amount × wr| < W
          const diff = got * W - BigInt(amount) * wr
          expect((diff < 0n ? -diff : diff) < W).toBe(true)
        }
        // largest remainder: every rate rounded up had a remainder ≥ every rate rounded down
        const parts = [...w].map(([rate, wr]) => {
          const num = BigInt(amount) * wr
          const got = BigInt(byRate.get(rate)?.total_amount ?? 0)
          return { up: got * W > num, remainder: num % W }
        })
        const minUp = parts.filter((p) => p.up).reduce<bigint | null>((m, p) => (m === null || p.remainder < m ? p.remainder : m), null)
        for (const p of parts.filter((x) => !x.up)) {
          if (minUp !== null) {
            expect(p.remainder <= minUp).toBe(true)
          }
        }
      }),
      { numRuns: NUM_RUNS, seed: 0x600d3111 }
    )
  })

  it("single_rate_only gives one full line iff all positive lines share a rate", () => {
    const arb = capturedArb.chain((lines) =>
      fc.record({ lines: fc.constant(lines), amount: fc.integer({ min: 1, max: positiveTotal(lines) }) })
    )
    fc.assert(
      fc.property(arb, ({ lines, amount }) => {
        const rates = new Set(lines.filter((l) => l.total_amount > 0).map((l) => l.tax_rate ?? 0))
        if (rates.size > 1) {
          let err: unknown
          try {
            buildGoodwillRefundLines({ amount, currency: "SEK", captured_lines: lines, policy: "single_rate_only" })
          } catch (e) {
            err = e
          }
          expect(err).toBeInstanceOf(MedusaError)
          expect((err as MedusaError).type).toBe(MedusaError.Types.NOT_ALLOWED)
        } else {
          const out = buildGoodwillRefundLines({ amount, currency: "SEK", captured_lines: lines, policy: "single_rate_only" })
          expectAllValid(out)
          expect(out).toHaveLength(1)
          expect(out[0].total_amount).toBe(amount)
          expect(out[0].tax_rate).toBe([...rates][0] ?? 0)
        }
      }),
      { numRuns: 300, seed: 31337 }
    )
  })
})

/* ---------------------------------------------------------------- item refunds */

const isItem = (l: KlarnaOrderLine) => l.type === "physical" || l.type === "digital"

describe("item refunds (property)", () => {
  const returnArb = capturedArb.chain((lines) => {
    const items = lines.filter(isItem)
    return fc.record({
      lines: fc.constant(lines),
      quantities: fc.tuple(...items.map((l) => fc.oneof(fc.constant(0), fc.constant(l.quantity), fc.integer({ min: 0, max: l.quantity })))),
      shipping: fc.oneof(
        fc.constant<"none" | "full" | undefined>(undefined),
        fc.constant<"none" | "full">("none"),
        fc.constant<"none" | "full">("full"),
        fc.integer({ min: 0, max: 1_000_000 }).map((ppm) => ({ ppm }))
      ),
      feePpm: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
      feeRate: fc.constantFrom(...RATES),
    })
  })

  it("every line is valid, refunded_amount is the exact sum and partial totals are proportional", () => {
    fc.assert(
      fc.property(returnArb, ({ lines, quantities, shipping, feePpm, feeRate }) => {
        const itemLines = lines.filter(isItem)
        const shippingLines = lines.filter((l) => l.type === "shipping_fee")
        const capturedShipping = shippingLines.filter((l) => l.total_amount > 0).reduce((s, l) => s + l.total_amount, 0)

        const items = itemLines.flatMap((l, i) => (quantities[i] > 0 ? [{ reference: l.reference!, quantity: quantities[i] }] : []))
        let ship: ShippingRefund | undefined
        let expectedShipping = 0
        if (shipping === undefined || typeof shipping === "string") {
          ship = shipping
          expectedShipping = shipping === "full" ? shippingLines.reduce((s, l) => s + l.total_amount, 0) : 0
        } else if (capturedShipping > 0) {
          const amount = Math.floor((capturedShipping * shipping.ppm) / 1_000_000)
          ship = { amount }
          expectedShipping = amount
        }
        const expectedItems = itemLines.reduce((s, l, i) => s + (quantities[i] > 0 ? share(l.total_amount, quantities[i], l.quantity) : 0), 0)
        let fee: { amount: number; tax_rate: number } | undefined
        if (feePpm !== undefined && expectedItems >= 2) {
          fee = { amount: 1 + Math.floor(((expectedItems - 2) * feePpm) / 1_000_000), tax_rate: feeRate }
        }
        const expected = expectedItems + expectedShipping - (fee?.amount ?? 0)

        const call = () =>
          buildItemRefundLines({
            currency: "EUR",
            captured_lines: lines,
            items,
            shipping: ship,
            return_fee: fee,
            purchase_country: "de",
          })
        const producesLines =
          items.length > 0 || (ship === "full" && shippingLines.length > 0) || (typeof ship === "object" && ship.amount > 0)
        if (!producesLines || expected <= 0) {
          let err: unknown
          try {
            call()
          } catch (e) {
            err = e
          }
          expect(err).toBeInstanceOf(MedusaError)
          expect((err as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
          return
        }
        const res = call()
        expectAllValid(res.order_lines)
        expect(res.refunded_amount).toBe(res.order_lines.reduce((s, l) => s + l.total_amount, 0))
        expect(res.refunded_amount).toBe(expected)

        // each returned item: one line, same reference/unit price/rate, proportional total
        itemLines.forEach((l, i) => {
          const got = res.order_lines.filter((o) => o.reference === l.reference)
          if (quantities[i] === 0) {
            expect(got).toHaveLength(0)
            return
          }
          expect(got).toHaveLength(1)
          expect(got[0]).toMatchObject({
            type: l.type,
            name: l.name,
            quantity: quantities[i],
            quantity_unit: l.quantity_unit,
            tax_rate: l.tax_rate,
            total_amount: quantities[i] === l.quantity ? l.total_amount : share(l.total_amount, quantities[i], l.quantity),
          })
          expect(got[0].total_discount_amount).toBeGreaterThanOrEqual(0)
        })
        const feeLines = res.order_lines.filter((o) => o.type === "return_fee")
        expect(feeLines).toHaveLength(fee ? 1 : 0)
        if (fee) {
          expect(feeLines[0].total_amount).toBe(-fee.amount)
        }
      }),
      { numRuns: NUM_RUNS, seed: 0xbadc0de }
    )
  })

  it("returning every selected line fully refunds exactly their captured totals", () => {
    const arb = capturedArb.chain((lines) =>
      fc.record({
        lines: fc.constant(lines),
        pick: fc.array(fc.boolean(), { minLength: lines.length, maxLength: lines.length }),
        withShipping: fc.boolean(),
      })
    )
    fc.assert(
      fc.property(arb, ({ lines, pick, withShipping }) => {
        const chosen = lines.filter((l, i) => isItem(l) && pick[i])
        const shippingLines = lines.filter((l) => l.type === "shipping_fee")
        fc.pre(chosen.length > 0 || (withShipping && shippingLines.length > 0))
        const res = buildItemRefundLines({
          currency: "SEK",
          captured_lines: lines,
          items: chosen.map((l) => ({ reference: l.reference!, quantity: l.quantity })),
          shipping: withShipping ? "full" : "none",
        })
        expectAllValid(res.order_lines)
        const expected = [...chosen, ...(withShipping ? shippingLines : [])].reduce((s, l) => s + l.total_amount, 0)
        expect(res.refunded_amount).toBe(expected)
        // full lines are the captured amounts and VAT unchanged
        for (const l of chosen) {
          const got = res.order_lines.find((o) => o.reference === l.reference)!
          expect(got).toMatchObject({
            quantity: l.quantity,
            unit_price: l.unit_price,
            total_amount: l.total_amount,
            total_discount_amount: l.total_discount_amount,
            total_tax_amount: l.total_tax_amount,
          })
        }
      }),
      { numRuns: NUM_RUNS, seed: 2024 }
    )
  })
})
