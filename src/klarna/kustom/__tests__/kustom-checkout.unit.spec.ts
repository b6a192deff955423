import { parseKlarnaProviderOptions } from "../../types/options"
import { signKustomCallback, verifyKustomCallback } from "../callback-signature"
import { checkoutMismatch } from "../checkout-matches-cart"
import { kustomCheckoutMerchantUrls, kustomCheckoutOrderRequest, KustomCheckoutSetupError, type KustomCheckoutInput } from "../checkout-request"
import { stockShortage } from "../stock-shortage"

const options = parseKlarnaProviderOptions(
  {
    username: "PM0001",
    password: "kco_secret",
    backendUrl: "https://api.shop.example/",
    merchantUrls: { terms: "https://shop.example/terms", checkout: "https://shop.example/checkout", confirmation: "https://shop.example/thanks?id={checkout.order.id}" },
  },
  "kustom"
)
const line = { type: "physical" as const, reference: "TSHIRT", name: "T-shirt", quantity: 2, unit_price: 29900, tax_rate: 2500, total_amount: 59800, total_tax_amount: 11960 }
const shipping = { type: "shipping_fee" as const, reference: "SHIP", name: "Shipping", quantity: 1, unit_price: 4900, total_amount: 4900 }
const cart: KustomCheckoutInput = {
  cart_id: "cart_01ABC",
  purchase_currency: "SEK",
  order_amount: 64700,
  order_tax_amount: 11960,
  order_lines: [line, shipping],
}

describe("the Kustom checkout order for a cart", () => {
  it("is the cart's lines and amounts with the provider's defaults, bound to the cart, every line taxed", () => {
    const request = kustomCheckoutOrderRequest(options, cart)
    expect(request).toEqual(
      expect.objectContaining({ purchase_country: "SE", purchase_currency: "SEK", locale: "sv-SE", order_amount: 64700, order_tax_amount: 11960, merchant_reference2: "cart_01ABC" })
    )
    expect(request.order_lines[1]).toEqual(expect.objectContaining({ reference: "SHIP", tax_rate: 0, total_tax_amount: 0 }))
    expect(JSON.parse(request.merchant_data!)).toEqual({ medusa_cart_id: "cart_01ABC" })
    // With the session: what Kustom's fraud notification is traced back to.
    expect(JSON.parse(kustomCheckoutOrderRequest(options, { ...cart, session_id: "payses_01XYZ" }).merchant_data!)).toEqual({
      medusa_cart_id: "cart_01ABC",
      medusa_payment_session_id: "payses_01XYZ",
    })
  })

  it("sends Kustom to this backend's signed push and validation URLs and to the storefront's pages", () => {
    const urls = kustomCheckoutMerchantUrls(options, "cart_01ABC")
    const sig = signKustomCallback("cart_01ABC", options)
    expect(urls).toEqual({
      terms: "https://shop.example/terms",
      checkout: "https://shop.example/checkout",
      confirmation: "https://shop.example/thanks?id={checkout.order.id}",
      push: `https://api.shop.example/hooks/kustom/push?cart_id=cart_01ABC&sig=${sig}&checkout_order_id={checkout.order.id}`,
      validation: `https://api.shop.example/hooks/kustom/validation?cart_id=cart_01ABC&sig=${sig}`,
      notification: "https://api.shop.example/hooks/payment/kustom_kustom",
    })
  })

  it("says which options are missing instead of sending Kustom an unusable checkout", () => {
    const bare = parseKlarnaProviderOptions({ username: "PM0001", password: "kco_secret" }, "kustom")
    expect(() => kustomCheckoutMerchantUrls(bare, "cart_1")).toThrow(KustomCheckoutSetupError)
    expect(() => kustomCheckoutMerchantUrls(bare, "cart_1")).toThrow(/merchantUrls\.terms, merchantUrls\.checkout, merchantUrls\.confirmation, backendUrl/)
  })
})

describe("Kustom's callbacks are signed for one cart", () => {
  it("accepts the server's signature for the cart only, and not under other credentials", () => {
    const sig = signKustomCallback("cart_A", options)
    expect(verifyKustomCallback("cart_A", sig, options)).toBe(true)
    expect(verifyKustomCallback("cart_B", sig, options)).toBe(false)
    expect(verifyKustomCallback("cart_A", sig.slice(1), options)).toBe(false)
    expect(verifyKustomCallback("cart_A", "", options)).toBe(false)
    const other = parseKlarnaProviderOptions({ username: "PM0002", password: "kco_other" }, "kustom")
    expect(verifyKustomCallback("cart_A", sig, other)).toBe(false)
  })
})

describe("does the checkout still match the cart", () => {
  const checkout = (changes: Record<string, unknown> = {}) =>
    ({ order_id: "k1", status: "checkout_incomplete", purchase_currency: "sek", order_amount: 64700, merchant_reference2: "cart_01ABC", order_lines: [shipping, line], ...changes }) as any

  it("matches the same lines in any order", () => {
    expect(checkoutMismatch(checkout(), cart)).toBeNull()
  })

  it.each([
    [{ merchant_reference2: "cart_other" }, /another cart/],
    [{ purchase_currency: "NOK" }, /NOK, the cart in SEK/],
    [{ order_amount: 64701 }, /total \(64701\) is not the cart's \(64700\)/],
    [{ order_lines: [line, { ...shipping, quantity: 2, total_amount: 9800 }] }, /lines are not the cart's/],
    [{ order_lines: [line] }, /lines are not the cart's/],
  ])("refuses %j", (changes, reason) => {
    expect(checkoutMismatch(checkout(changes), cart)).toMatch(reason)
  })
})

describe("stock for the cart", () => {
  const tee = { title: "T-shirt", variant_id: "variant_tee", quantity: 2, manage_inventory: true, allow_backorder: false }
  it("adds up lines of one variant and names the first it cannot cover", () => {
    expect(stockShortage([tee, { ...tee, quantity: 1 }], { variant_tee: 3 })).toBeNull()
    expect(stockShortage([tee, { ...tee, quantity: 2 }], { variant_tee: 3 })).toBe("T-shirt: 3 left, the cart has 4")
    expect(stockShortage([tee], {})).toBe("T-shirt: 0 left, the cart has 2")
  })
  it("never holds back an item without managed stock or one that may be backordered", () => {
    expect(stockShortage([{ ...tee, manage_inventory: false }], { variant_tee: 0 })).toBeNull()
    expect(stockShortage([{ ...tee, allow_backorder: true }], { variant_tee: 0 })).toBeNull()
    expect(stockShortage([{ ...tee, variant_id: null }], {})).toBeNull()
  })
})
