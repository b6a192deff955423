import { merchantReferencesFor } from "../merchant-references"

const placed = { id: "order_01ABC", display_id: 1042 }
const defaults = { merchant_reference2: "order_id", imported_reference1: "woocommerce" } as const

describe("merchantReferencesFor", () => {
  it("sends Medusa's display id as text and the order id as merchant_reference2", () => {
    expect(merchantReferencesFor(placed, defaults)).toEqual({ body: { merchant_reference1: "1042", merchant_reference2: "order_01ABC" } })
  })

  it('leaves merchant_reference2 out (Klarna keeps its value) when the setting is "none"', () => {
    const plan = merchantReferencesFor(placed, { ...defaults, merchant_reference2: "none" })
    expect(plan).toEqual({ body: { merchant_reference1: "1042" } })
    expect(plan.body).not.toHaveProperty("merchant_reference2")
  })

  it("keeps WooCommerce's number on an imported order by default: nothing is sent", () => {
    const imported = { ...placed, imported_from: "woocommerce", woocommerce_number: "WC-7781" }
    const plan = merchantReferencesFor(imported, defaults)
    expect(plan.body).toBeNull()
    expect(plan.reason).toContain("WC-7781")
  })

  it('gives an imported order Medusa\'s number when imported_reference1 is "medusa"', () => {
    const imported = { ...placed, imported_from: "woocommerce", woocommerce_number: "WC-7781" }
    expect(merchantReferencesFor(imported, { ...defaults, imported_reference1: "medusa" })).toEqual({
      body: { merchant_reference1: "1042", merchant_reference2: "order_01ABC" },
    })
  })

  it("treats an order from another source like a Medusa order, whatever imported_reference1 says", () => {
    expect(merchantReferencesFor({ ...placed, imported_from: "magento" }, defaults).body).toEqual({ merchant_reference1: "1042", merchant_reference2: "order_01ABC" })
  })

  it("sends nothing when Klarna is known to hold both values", () => {
    const plan = merchantReferencesFor(placed, defaults, { merchant_reference1: "1042", merchant_reference2: "order_01ABC" })
    expect(plan.body).toBeNull()
    expect(plan.reason).toMatch(/already/)
  })

  it("sends only what Klarna is not known to hold", () => {
    expect(merchantReferencesFor(placed, defaults, { merchant_reference1: "1042", merchant_reference2: "cart_01" })).toEqual({
      body: { merchant_reference2: "order_01ABC" },
    })
    expect(merchantReferencesFor(placed, defaults, { merchant_reference1: "999" })).toEqual({
      body: { merchant_reference1: "1042", merchant_reference2: "order_01ABC" },
    })
  })

  it("sends nothing for an order without a display id", () => {
    expect(merchantReferencesFor({ id: "order_1", display_id: null }, defaults).body).toBeNull()
    expect(merchantReferencesFor({ id: "order_1", display_id: "" }, defaults).body).toBeNull()
  })

  it("keeps display id 0 as \"0\"", () => {
    expect(merchantReferencesFor({ id: "order_1", display_id: 0 }, { ...defaults, merchant_reference2: "none" }).body).toEqual({ merchant_reference1: "0" })
  })
})
