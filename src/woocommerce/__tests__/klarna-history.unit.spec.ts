import { SAMPLE_ORDER_A, SAMPLE_ORDER_F_LEGACY_INVOICE, SAMPLE_ORDER_H_BACS } from "../../../fake-woocommerce/src"
import { klarnaHistory, managedInKlarna, mapWooOrder, type ImportedOrderDraft } from ".."

const draftOf = (order: any, ctx: Record<string, unknown> = {}): ImportedOrderDraft => {
  const mapped = mapWooOrder(order, { shopUrl: "https://shop.example.se", ...ctx })
  if (!mapped.ok) throw new Error(mapped.reason)
  return mapped.draft
}

describe("klarnaHistory", () => {
  it("keeps a legacy gateway's references, read-only", () => {
    const draft = draftOf(SAMPLE_ORDER_F_LEGACY_INVOICE)
    expect(managedInKlarna(draft)).toBe(false)
    expect(klarnaHistory(draft)).toEqual(
      expect.objectContaining({ gateway: "klarna_invoice", reservation_number: "3301234567", invoice_number: "900123456", reason: "legacy_gateway" })
    )
  })

  it("reads the invoice number from transaction_id when the legacy meta is missing", () => {
    const order = { ...SAMPLE_ORDER_F_LEGACY_INVOICE, meta_data: SAMPLE_ORDER_F_LEGACY_INVOICE.meta_data.filter((m: any) => m.key !== "_klarna_invoice_number") }
    expect(klarnaHistory(draftOf(order))?.invoice_number).toBe("900123456")
  })

  it("says why an order management switched off in WooCommerce is left alone", () => {
    const order = { ...SAMPLE_ORDER_A, meta_data: [...SAMPLE_ORDER_A.meta_data, { id: 1, key: "_kom_disconnect", value: "1" }] }
    expect(klarnaHistory(draftOf(order))).toEqual(expect.objectContaining({ gateway: "kco", reason: "order_management_disconnected", klarna_order_id: expect.any(String) }))
  })

  it("is none for an order Medusa manages in Klarna, or one not paid with Klarna", () => {
    expect(klarnaHistory(draftOf(SAMPLE_ORDER_A))).toBeNull()
    expect(managedInKlarna(draftOf(SAMPLE_ORDER_A))).toBe(true)
    expect(klarnaHistory(draftOf(SAMPLE_ORDER_H_BACS, { klarnaOnly: false }))).toBeNull()
  })

  it("an order paid otherwise is refused unless all orders are imported", () => {
    expect(mapWooOrder(SAMPLE_ORDER_H_BACS, { shopUrl: "https://shop.example.se" })).toEqual({ ok: false, reason: expect.stringContaining("is not a Klarna payment method") })
    expect(draftOf(SAMPLE_ORDER_H_BACS, { klarnaOnly: false }).klarna).toEqual(expect.objectContaining({ woo_payment_method: "bacs", legacy: false, warnings: [] }))
  })
})
