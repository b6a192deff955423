import { SAMPLE_ORDER_A, SAMPLE_ORDER_B, SAMPLE_REFUND_B_48391 } from "../../../fake-woocommerce/src"
import { WooNoteSchema, WooOrderSchema, WooRefundSchema } from ".."

describe("WooCommerce schemas", () => {
  it("parse the samples and keep unknown fields", () => {
    const a = WooOrderSchema.parse({ ...SAMPLE_ORDER_A, some_plugin_field: { x: 1 } })
    expect(a.some_plugin_field).toEqual({ x: 1 })
    expect(a.line_items[0].taxes[0]).toEqual({ id: 1, total: "539.1", subtotal: "599" })
    expect(a.tax_lines.map((t) => [t.rate_id, t.rate_percent])).toEqual([
      [1, 25],
      [2, 12],
    ])
    expect(WooOrderSchema.parse(SAMPLE_ORDER_B).fee_lines[0].amount).toBe("31.2")
    expect(WooRefundSchema.parse(SAMPLE_REFUND_B_48391).line_items[0].quantity).toBe(-1)
  })

  it("tolerate nulls and missing arrays; money numbers become decimal strings; digit-string ids become numbers", () => {
    const o = WooOrderSchema.parse({
      id: "48213",
      number: 48213,
      total: 2994.8,
      billing: { email: null, first_name: null },
      shipping: null,
      line_items: null,
      date_completed: null,
    })
    expect(o).toMatchObject({ id: 48213, number: "48213", total: "2994.8", shipping: null, line_items: [], coupon_lines: [], meta_data: [] })
  })

  it("require an id", () => {
    expect(WooOrderSchema.safeParse({ total: "1.00" }).success).toBe(false)
    expect(WooNoteSchema.safeParse({ id: 1, note: null }).success).toBe(true)
  })
})
