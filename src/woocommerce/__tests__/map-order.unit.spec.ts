import fc from "fast-check"
import {
  generateWooDataset,
  SAMPLE_NOTES,
  SAMPLE_ORDER_A,
  SAMPLE_ORDER_B,
  SAMPLE_ORDER_C_ON_HOLD,
  SAMPLE_ORDER_D_CANCELLED,
  SAMPLE_ORDER_E_REFUNDED,
  SAMPLE_ORDER_F_LEGACY_INVOICE,
  SAMPLE_ORDER_G_PENDING,
  SAMPLE_ORDER_H_BACS,
  SAMPLE_ORDER_I_TRASH,
  SAMPLE_ORDER_J_NOTES_ONLY,
  SAMPLE_ORDER_K_INCONSISTENT,
  SAMPLE_REFUNDS,
  type WooOrder,
} from "../../../fake-woocommerce/src"
import { toMinorUnits } from "../../klarna/utils/currency"
import { isKlarnaOrder, mapWooOrder, type ImportedOrderDraft, type MapWooOrderResult } from ".."

const SHOP = "https://shop.example.se/"
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

function mapOk(order: WooOrder, extra: Partial<Parameters<typeof mapWooOrder>[1]> = {}): ImportedOrderDraft {
  const r = mapWooOrder(order, { refunds: SAMPLE_REFUNDS[order.id] ?? [], notes: SAMPLE_NOTES[order.id] ?? [], shopUrl: SHOP, ...extra })
  if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`)
  return r.draft
}

function reasonOf(r: MapWooOrderResult): string {
  if (r.ok) throw new Error("expected a rejection")
  return r.reason
}

const grossOfDraft = (d: ImportedOrderDraft) =>
  d.items.reduce((s, i) => s + i.total + i.total_tax, 0) +
  d.shipping.reduce((s, l) => s + l.total + l.total_tax, 0) +
  d.fees.reduce((s, f) => s + f.total + f.total_tax, 0)

describe("mapWooOrder", () => {
  it("sample A (kco, processing, 10 % coupon) exactly", () => {
    const d = mapOk(SAMPLE_ORDER_A)
    expect(d).toMatchObject({
      external_id: "woo:shop.example.se:48213",
      woo_id: 48213,
      number: "48213",
      order_key: "wc_order_Xk2pQ9aL7mN3v",
      shop_url: "https://shop.example.se",
      status: "processing",
      currency_code: "sek",
      created_at: "2025-03-14T09:42:17.000Z",
      modified_at: "2025-03-14T09:43:05.000Z",
      paid_at: "2025-03-14T09:43:02.000Z",
      completed_at: null,
      email: "anna.lindqvist@example.se",
      customer: { email: "anna.lindqvist@example.se", first_name: "Anna", last_name: "Lindqvist", phone: "+46701234567", woo_customer_id: 1187 },
      metadata: {
        woocommerce_id: 48213,
        woocommerce_number: "48213",
        woocommerce_order_key: "wc_order_Xk2pQ9aL7mN3v",
        woocommerce_shop_url: "https://shop.example.se",
      },
    })
    expect(d.billing_address).toEqual({
      first_name: "Anna",
      last_name: "Lindqvist",
      company: null,
      address_1: "Storgatan 12",
      address_2: null,
      city: "Stockholm",
      postal_code: "114 51",
      province: null,
      country_code: "se",
      phone: "+46701234567",
    })
    expect(d.items).toEqual([
      {
        woo_line_id: 90311,
        title: "Moccamaster KBG Select - Svart",
        product_title: "Moccamaster KBG Select",
        sku: "MM-KBG-SVART",
        product_id: 5120,
        variation_id: 5124,
        quantity: 1,
        unit_price: 299500,
        subtotal: 239600,
        subtotal_tax: 59900,
        total: 215640,
        total_tax: 53910,
        tax_rate: 25,
        tax_lines: [{ rate_id: 1, code: "SE-MOMS 25%-1", name: "Moms 25%", rate: 25, compound: false, total: 53910 }],
        discount: 29950,
        options: { Färg: "Svart" },
      },
      {
        woo_line_id: 90312,
        title: "Ekologiskt kaffe Mellanrost 450 g",
        product_title: "Ekologiskt kaffe Mellanrost 450 g",
        sku: "KAFFE-MR-450",
        product_id: 4471,
        quantity: 3,
        unit_price: 8900,
        subtotal: 23839,
        subtotal_tax: 2861,
        total: 21455,
        total_tax: 2575, // "25.75"; taxes[].total "25.746429" rounds to the same öre
        tax_rate: 12,
        tax_lines: [{ rate_id: 2, code: "SE-MOMS 12%-1", name: "Moms 12%", rate: 12, compound: false, total: 2575 }],
        discount: 2670,
      },
    ])
    expect(d.shipping).toEqual([
      {
        woo_line_id: 90314,
        title: "PostNord MyPack Collect",
        method_id: "flat_rate",
        instance_id: "4",
        total: 4720,
        total_tax: 1180,
        tax_rate: 25,
        tax_lines: [{ rate_id: 1, code: "SE-MOMS 25%-1", name: "Moms 25%", rate: 25, compound: false, total: 1180 }],
      },
    ])
    expect(d.fees).toEqual([])
    expect(d.coupons).toEqual([{ code: "valkommen10", discount: 26344, discount_tax: 6276 }])
    expect(d.totals).toEqual({
      total: 299480,
      total_tax: 57665,
      shipping_total: 4720,
      shipping_tax: 1180,
      discount_total: 26344,
      discount_tax: 6276,
      refunded_total: 0,
    })
    // Coupon incl. tax (263.44 + 62.76) is exactly the sum of the line discounts.
    expect(d.items.reduce((s, i) => s + i.discount, 0)).toBe(26344 + 6276)
    expect(grossOfDraft(d)).toBe(d.totals.total)
    expect(d.refunds).toEqual([])
    expect(d.klarna).toEqual({
      klarna_order_id: "f3c1b6de-2a7e-4c59-9d0b-6e5a8f21c4b7",
      source: "transaction_id",
      environment: "live",
      country: "SE",
      region: "eu",
      payment_method: "klarna_checkout",
      woo_payment_method: "kco",
      legacy: false,
      warnings: [],
    })
    expect(d.medusa_status).toEqual({ payment: "authorized", order_status: "pending" })
    expect(d.warnings).toEqual([])
  })

  it("sample B (klarna_payments, completed, fee, partial refund) exactly", () => {
    const d = mapOk(SAMPLE_ORDER_B)
    expect(d.items.map((i) => [i.woo_line_id, i.quantity, i.unit_price, i.subtotal, i.subtotal_tax, i.total, i.total_tax, i.tax_rate, i.discount])).toEqual([
      [91020, 2, 44900, 71840, 17960, 71840, 17960, 25, 0],
      [91021, 1, 11900, 10625, 1275, 10625, 1275, 12, 0],
    ])
    expect(d.shipping.map((s) => [s.title, s.total, s.total_tax, s.tax_rate])).toEqual([["Budbee Hemleverans", 6320, 1580, 25]])
    expect(d.fees).toEqual([
      {
        woo_line_id: 91023,
        name: "Presentinslagning",
        total: 3120,
        total_tax: 780,
        tax_rate: 25,
        tax_lines: [{ rate_id: 1, code: "SE-MOMS 25%-1", name: "Moms 25%", rate: 25, compound: false, total: 780 }],
      },
    ])
    expect(d.totals).toEqual({ total: 113500, total_tax: 21595, shipping_total: 6320, shipping_tax: 1580, discount_total: 0, discount_tax: 0, refunded_total: 11900 })
    expect(grossOfDraft(d)).toBe(113500)
    expect(d.refunds).toEqual([
      {
        woo_refund_id: 48391,
        amount: 11900,
        reason: "Retur: Honung från Gotland",
        created_at: "2025-06-20T12:01:05.000Z",
        refunded_payment: true,
        klarna_reference: "48377|48391",
        items: [{ woo_line_id: 91021, quantity: 1, total: 10625, total_tax: 1275 }],
      },
    ])
    expect(d.klarna).toEqual({
      klarna_order_id: "0b7e9a52-6d1c-4f83-a2e4-93c5d7f018aa",
      source: "transaction_id",
      capture_id: "c4e8a1f7-93b2-4d05-8e6a-1a2b3c4d5e6f",
      environment: "live",
      country: "SE",
      region: "eu",
      payment_method: "pay_later", // _kp_payment_method "Betala senare"
      woo_payment_method: "klarna_payments",
      legacy: false,
      warnings: [],
    })
    expect(d.medusa_status).toEqual({ payment: "partially_refunded", order_status: "completed" })
    expect(d.completed_at).toBe("2025-06-03T07:12:30.000Z")
    expect(d.customer).toEqual({ email: "erik.johansson@example.se", first_name: "Erik", last_name: "Johansson", phone: "+46731234567" })
    expect(d.billing_address?.address_2).toBe("lgh 1102")
  })

  it("without full refund objects, falls back to the order's refunds[] summaries", () => {
    const d = mapOk(SAMPLE_ORDER_B, { refunds: undefined })
    expect(d.refunds).toEqual([
      { woo_refund_id: 48391, amount: 11900, reason: "Retur: Honung från Gotland", created_at: null, refunded_payment: null, klarna_reference: "48377|48391", items: [] },
    ])
    expect(d.medusa_status.payment).toBe("partially_refunded")
  })

  it("C: on-hold → authorized + flagged; Klarna id from _wc_klarna_order_id; no secret copied anywhere", () => {
    const d = mapOk(SAMPLE_ORDER_C_ON_HOLD)
    expect(d.klarna).toMatchObject({ klarna_order_id: "9d4c2a71-3b5e-4f08-a1c6-7e2b9f0d3a54", source: "meta", payment_method: "klarna_checkout" })
    expect(d.medusa_status).toMatchObject({ payment: "authorized", order_status: "pending", flag_review: true })
    expect(d.paid_at).toBeNull()
    const json = JSON.stringify(d)
    expect(json).not.toContain("kco_SHARED_SECRET_do_not_copy_8f3a2e")
    expect(json).not.toContain("RECURRING_TOKEN_do_not_copy_5b71")
    expect(json).not.toContain("PK12345_4f0c2d9e1a77")
    expect(json).not.toMatch(/shared_secret|recurring_token|merchant_id/)
  })

  it("never copies secret-looking meta, even from line items or when the value sits in an odd place", () => {
    const o = clone(SAMPLE_ORDER_A)
    o.meta_data.push({ id: 1, key: "_wc_klarna_shared_secret", value: "TOPSECRET-1" }, { id: 2, key: "api_password", value: "TOPSECRET-2" })
    o.line_items[0].meta_data.push(
      { id: 3, key: "license_token", value: "TOPSECRET-3", display_key: "License token", display_value: "TOPSECRET-3" },
      { id: 4, key: "gift", value: "x", display_key: "Shared secret", display_value: "TOPSECRET-4" },
      { id: 5, key: "_hidden", value: "TOPSECRET-5" }
    )
    const d = mapOk(o)
    expect(JSON.stringify(d)).not.toMatch(/TOPSECRET/)
    expect(d.items[0].options).toEqual({ Färg: "Svart" })
  })

  it("D: cancelled → canceled", () => {
    const d = mapOk(SAMPLE_ORDER_D_CANCELLED)
    expect(d.medusa_status).toEqual({ payment: "canceled", order_status: "canceled" })
    expect(d.klarna.cancelled_in_klarna).toBe(true)
  })

  it("E: fully refunded (status refunded), pay over time", () => {
    const d = mapOk(SAMPLE_ORDER_E_REFUNDED)
    expect(d.medusa_status).toEqual({ payment: "refunded", order_status: "completed" })
    expect(d.totals.refunded_total).toBe(89900)
    expect(d.refunds[0].items).toEqual([{ woo_line_id: 92201, quantity: 1, total: 71920, total_tax: 17980 }])
    expect(d.klarna).toMatchObject({ payment_method: "pay_over_time", capture_id: "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f" })
    expect(d.shipping[0]).toMatchObject({ title: "Fri frakt", total: 0, total_tax: 0, tax_rate: 0 })
  })

  it("F: legacy Klarna Invoice → read-only history, invoice number is not taken for a Klarna order id", () => {
    const d = mapOk(SAMPLE_ORDER_F_LEGACY_INVOICE)
    expect(d.klarna).toEqual({
      environment: undefined,
      country: "SE",
      region: "eu",
      payment_method: "pay_later",
      woo_payment_method: "klarna_invoice",
      legacy: true,
      legacy_reference: { reservation: "3301234567", invoice_number: "900123456" },
      warnings: [],
    })
    expect(d.medusa_status).toEqual({ payment: "captured", order_status: "completed" })
    expect(d.items[0]).toMatchObject({ unit_price: 3490, total_tax: 748, tax_rate: 12 })
  })

  it("G: pending is skipped unless includeUnpaid", () => {
    expect(reasonOf(mapWooOrder(SAMPLE_ORDER_G_PENDING, { shopUrl: SHOP }))).toMatch(/order #48440 \(id 48440\): status "pending" is unpaid/)
    const d = mapOk(SAMPLE_ORDER_G_PENDING, { includeUnpaid: true })
    expect(d.medusa_status).toMatchObject({ payment: "not_paid", order_status: "pending", flag_review: true })
    expect(d.items[0]).toMatchObject({ title: "Keramikmugg - Blå", product_title: "Keramikmugg", variation_id: 6923, options: { Färg: "Blå" } })
  })

  it("H: not a Klarna payment method; I: trash is never imported", () => {
    expect(isKlarnaOrder(SAMPLE_ORDER_H_BACS)).toBe(false)
    expect(reasonOf(mapWooOrder(SAMPLE_ORDER_H_BACS, { shopUrl: SHOP }))).toMatch(/payment method "bacs".*is not a Klarna payment method/)
    expect(reasonOf(mapWooOrder(SAMPLE_ORDER_I_TRASH, { shopUrl: SHOP, includeUnpaid: true }))).toMatch(/status "trash" is never imported/)
  })

  it("J: the Klarna order id is recovered from the notes", () => {
    const d = mapOk(SAMPLE_ORDER_J_NOTES_ONLY)
    expect(d.klarna).toMatchObject({
      klarna_order_id: "6c2d9e14-8b3f-4a7c-9e05-1f4b8d2a7c63",
      source: "notes",
      environment: "playground",
      payment_method: "pay_now",
    })
    expect(d.klarna.warnings.join(" ")).toMatch(/recovered from the order notes/)
    expect(d.items[0]).toMatchObject({ quantity: 3, unit_price: 3995, total: 10701, total_tax: 1284, tax_rate: 12, discount: 0 })
    // Without notes: imported, but flagged (no order management possible).
    const bare = mapOk(SAMPLE_ORDER_J_NOTES_ONLY, { notes: [] })
    expect(bare.klarna.klarna_order_id).toBeUndefined()
    expect(bare.medusa_status.flag_review).toBe(true)
  })

  it("K: totals that do not add up are reported with both amounts, not imported", () => {
    const reason = reasonOf(mapWooOrder(SAMPLE_ORDER_K_INCONSISTENT, { shopUrl: SHOP }))
    expect(reason).toBe(
      "order #48460 (id 48460): line items, shipping and fees add up to 408,00 SEK but the order total is 418,00 SEK (difference 10,00 SEK); not imported."
    )
  })

  describe("money precision", () => {
    it("rounds each field once, half away from zero, from the exact decimal string", () => {
      const o = clone(SAMPLE_ORDER_B)
      // Raw precision as some shops store it: 4 decimals on the dp fields.
      o.fee_lines[0].total = "31.2049"
      o.fee_lines[0].total_tax = "7.7951"
      o.fee_lines[0].taxes[0].total = "7.795149"
      const d = mapOk(o)
      expect(d.fees[0]).toMatchObject({ total: 3120, total_tax: 780 })
      expect(d.fees[0].tax_lines[0].total).toBe(780)
      o.fee_lines[0].total = "31.205" // half → away from zero
      o.fee_lines[0].total_tax = "7.795"
      expect(reasonOf(mapWooOrder(o, { shopUrl: SHOP }))).toMatch(/add up to 1 135,01 SEK but the order total is 1 135,00 SEK/)
    })

    it("never goes through floats (0.1 + 0.2 style sums are exact)", () => {
      const o = clone(SAMPLE_ORDER_B)
      o.fee_lines = [0, 1, 2].map((k) => ({ ...clone(SAMPLE_ORDER_B.fee_lines[0]), id: 95000 + k, total: "0.10", total_tax: "0.00", taxes: [] }))
      o.fee_lines[2].total = "0.20"
      o.total = "1096.40" // 1135.00 − 39.00 + 0.40
      const d = mapOk(o)
      expect(d.fees.map((f) => f.total)).toEqual([10, 10, 20])
      expect(grossOfDraft(d)).toBe(109640)
    })

    it("a unit price that does not divide evenly is rounded up and the remainder carried in the discount", () => {
      const o = clone(SAMPLE_ORDER_B)
      const li = o.line_items[1] // 1 × 119.00 at 12 %
      li.quantity = 3
      li.subtotal = "80.00"
      li.subtotal_tax = "20.00" // 100.00 for 3
      li.total = "80.00"
      li.total_tax = "20.00"
      li.taxes[0] = { id: 1, total: "20", subtotal: "20" }
      o.total = "1116.00" // 1135.00 − 119.00 + 100.00
      const d = mapOk(o, { refunds: [] })
      expect(d.items[1]).toMatchObject({ unit_price: 3334, unit_price_rounded: true, discount: 2, total: 8000, total_tax: 2000, tax_rate: 25 })
      expect(d.items[1].unit_price * d.items[1].quantity - d.items[1].discount).toBe(d.items[1].total + d.items[1].total_tax)
    })

    it("uses the currency's exponent (JPY has none)", () => {
      const o = clone(SAMPLE_ORDER_A)
      o.currency = "JPY"
      const d = mapOk(o)
      expect(d.currency_code).toBe("jpy")
      expect(d.totals.total).toBe(2995) // "2994.80" → ¥2995 (rounded once)
    })

    it("rejects unparseable money naming the field", () => {
      const o = clone(SAMPLE_ORDER_A)
      o.line_items[0].total = "2 156,40"
      expect(reasonOf(mapWooOrder(o, { shopUrl: SHOP }))).toMatch(/line item 90311 total is not a valid amount \("2 156,40"\)/)
    })

    it("rejects refunds that add up to more than the order total", () => {
      const o = clone(SAMPLE_ORDER_B)
      o.refunds = [{ id: 1, reason: "", total: "-2000.00" }]
      expect(reasonOf(mapWooOrder(o, { shopUrl: SHOP }))).toMatch(/refunds add up to 2 000,00 SEK, more than the order total 1 135,00 SEK/)
    })
  })

  it("property: for generated consistent orders the mapped lines add up to WooCommerce's total to the minor unit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 40 }), (seed, n) => {
        const { orders } = generateWooDataset(n, seed, { inconsistent: 0 })
        for (const o of orders) {
          const r = mapWooOrder(o, { shopUrl: SHOP })
          const importable = isKlarnaOrder(o) && o.status !== "pending"
          if (!importable) {
            if (r.ok) return false
            continue
          }
          if (!r.ok) throw new Error(`order ${o.id} (seed ${seed}) rejected: ${r.reason}`)
          const d = r.draft
          if (grossOfDraft(d) !== toMinorUnits(o.total, o.currency)) return false
          if (d.totals.total !== toMinorUnits(o.total, o.currency)) return false
          for (const i of d.items) {
            if (!Number.isInteger(i.unit_price) || i.unit_price * i.quantity - i.discount !== i.total + i.total_tax) return false
            if (i.tax_rate !== 25 && i.tax_rate !== 12) return false
          }
          const coupons = d.coupons.reduce((s, c) => s + c.discount + c.discount_tax, 0)
          if (coupons !== d.items.reduce((s, i) => s + i.discount, 0)) return false
        }
        return true
      }),
      { numRuns: 60 }
    )
  })

  it("property: the deliberately inconsistent generated orders are reported, naming both amounts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { orders, inconsistentIds } = generateWooDataset(60, seed)
        expect(inconsistentIds).toHaveLength(2)
        for (const id of inconsistentIds) {
          const o = orders.find((x) => x.id === id)!
          const reason = reasonOf(mapWooOrder(o, { shopUrl: SHOP }))
          expect(reason).toMatch(/add up to [\d ]+,\d\d SEK but the order total is [\d ]+,\d\d SEK/)
        }
      }),
      { numRuns: 20 }
    )
  })
})

describe("a tax rate missing from the order's tax_lines", () => {
  it("is derived from the line's own amounts, and said so in a warning", () => {
    const order: WooOrder = JSON.parse(JSON.stringify(SAMPLE_ORDER_A))
    order.tax_lines = []
    const mapped = mapWooOrder(order, { shopUrl: "https://shop.example.se" })
    if (!mapped.ok) throw new Error(mapped.reason)
    const item = mapped.draft.items[0]
    // VAT divided by the net amount, to two decimals of a percent
    const expected = Math.round((item.total_tax * 10000) / item.total) / 100
    expect(item.tax_rate).toBe(expected)
    expect(item.tax_rate).toBeGreaterThan(24.9)
    expect(item.tax_rate).toBeLessThan(25.1)
    expect(mapped.draft.warnings.join(" ")).toContain(`derived ${expected} % from the amounts`)
  })
})
