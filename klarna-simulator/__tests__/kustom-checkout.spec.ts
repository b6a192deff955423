import { startHarness, type Harness } from "./support/harness"
import { checkoutBody, complete, createCheckout, kom, kustomApi, startMerchant, type Merchant, type MerchantAnswer } from "./support/kustom"

describe("Kustom Checkout v3", () => {
  let h: Harness
  let merchant: Merchant
  /** What the merchant's validation endpoint answers; each test sets it. */
  let validation: MerchantAnswer
  beforeAll(async () => {
    h = await startHarness({ kustom: { validationTimeoutMs: 300 } })
    merchant = await startMerchant((req) => (req.path.startsWith("/validate") ? validation : { status: 200 }))
  })
  afterAll(async () => {
    await merchant.close()
    await h.sim.close()
  })
  beforeEach(() => {
    h.sim.reset()
    merchant.requests.length = 0
    validation = { status: 200 }
  })

  const kustom = () => kustomApi(h)
  const body = (overrides: Record<string, unknown> = {}, urls: Record<string, unknown> = {}) => checkoutBody(merchant.url, overrides, urls)
  const withValidation = () => body({}, { validation: `${merchant.url}/validate?o={checkout.order.id}` })
  const readCheckout = async (id: string) => (await kustom().get(`/checkout/v3/orders/${id}`)).data

  describe("create", () => {
    it("answers 201 with the order, Location and an html_snippet pointing to the shopper page", async () => {
      const res = await kustom().post("/checkout/v3/orders", body({ merchant_reference1: "shop-1", merchant_data: "{}" }))
      expect(res.status).toBe(201)
      const id = res.data.order_id
      expect(res.headers.location).toBe(`${h.sim.url}/kustom/checkout/v3/orders/${id}`)
      expect(res.data).toMatchObject({
        status: "checkout_incomplete",
        purchase_country: "SE",
        purchase_currency: "SEK",
        locale: "sv-SE",
        order_amount: 10500,
        order_tax_amount: 2100,
        merchant_reference1: "shop-1",
        merchant_data: "{}",
        merchant_urls: { push: `${merchant.url}/push?o={checkout.order.id}` },
        started_at: expect.any(String),
        last_modified_at: expect.any(String),
      })
      expect(res.data.order_lines).toHaveLength(2)
      expect(res.data.completed_at).toBeUndefined()
      const page = `${h.sim.url}/_sim/kustom/checkout/${id}`
      expect(res.data.html_snippet).toContain(`<iframe id="kustom-checkout-iframe" name="kustom-checkout-iframe" src="${page}"`)
      expect(res.data.html_snippet).toContain(`<a href="${page}"`)

      const shopper = await h.raw.get(`/_sim/kustom/checkout/${id}`)
      expect(shopper.status).toBe(200)
      expect(shopper.headers["content-type"]).toMatch(/text\/html/)
      expect(shopper.data).toContain("Shirt")
      expect(shopper.data).toContain(`action="/_sim/kustom/checkouts/${id}/complete"`)
      expect((await readCheckout(id)).order_id).toBe(id)
    })

    it.each([
      ["merchant_urls.push missing", () => body({}, { push: undefined }), "merchant_urls.push"],
      ["merchant_urls.terms missing", () => body({}, { terms: undefined }), "merchant_urls.terms"],
      ["merchant_urls missing", () => body({ merchant_urls: undefined }), "merchant_urls"],
      ["locale missing", () => body({ locale: undefined }), "locale"],
      ["order_tax_amount missing", () => body({ order_tax_amount: undefined }), "order_tax_amount"],
      ["a line's total_amount does not add up", () => body({ order_lines: [{ ...lines()[0], total_amount: 9999 }, lines()[1]] }), "order_lines[0].total_amount"],
      ["a line without tax_rate", () => body({ order_lines: [{ ...lines()[0], tax_rate: undefined }, lines()[1]] }), "order_lines[0].tax_rate"],
      ["a line without total_tax_amount", () => body({ order_lines: [lines()[0], { ...lines()[1], total_tax_amount: undefined }] }), "order_lines[1].total_tax_amount"],
      ["order_amount is not the sum of the lines", () => body({ order_amount: 10400 }), "order_amount"],
    ])("refuses %s with 400 BAD_VALUE", async (_what, make, field) => {
      const res = await kustom().post("/checkout/v3/orders", make())
      expect(res.status).toBe(400)
      expect(res.data.error_code).toBe("BAD_VALUE")
      expect(res.data.error_messages[0]).toBe(`Bad value: ${field}`)
      expect(res.data.correlation_id).toBe(res.headers["klarna-correlation-id"])
      expect((await h.raw.get("/_sim/kustom/checkouts")).data).toEqual([])
    })

    it("refuses a line amount above Checkout's 100 000 000 cap", async () => {
      const big = { name: "Car", quantity: 1, unit_price: 100_000_001, tax_rate: 0, total_amount: 100_000_001, total_tax_amount: 0 }
      const res = await kustom().post("/checkout/v3/orders", body({ order_amount: 100_000_001, order_tax_amount: 0, order_lines: [big] }))
      expect(res.status).toBe(400)
      expect(res.data.error_messages[0]).toBe("Bad value: order_lines[0].unit_price")
    })
  })

  const lines = () => checkoutBody("http://x").order_lines as Array<Record<string, unknown>>

  describe("update and abort", () => {
    const smallerCart = {
      order_amount: 5500,
      order_tax_amount: 1100,
      order_lines: [
        { type: "physical", reference: "SKU-1", name: "Shirt", quantity: 1, unit_price: 5000, tax_rate: 2500, total_amount: 5000, total_tax_amount: 1000 },
        { type: "shipping_fee", reference: "SHIP", name: "Shipping", quantity: 1, unit_price: 500, tax_rate: 2500, total_amount: 500, total_tax_amount: 100 },
      ],
    }

    it("updates the purchase while checkout_incomplete; left-out fields stay; an invalid update changes nothing", async () => {
      const id = await createCheckout(kustom(), body({ merchant_reference1: "keep-me" }))
      const before = await readCheckout(id)
      await new Promise((r) => setTimeout(r, 5))

      const res = await kustom().post(`/checkout/v3/orders/${id}`, smallerCart)
      expect(res.status).toBe(200)
      expect(res.data).toMatchObject({ order_amount: 5500, merchant_reference1: "keep-me", status: "checkout_incomplete" })
      expect(Date.parse(res.data.last_modified_at)).toBeGreaterThan(Date.parse(before.last_modified_at))

      const bad = await kustom().post(`/checkout/v3/orders/${id}`, { order_amount: 1 })
      expect(bad.status).toBe(400)
      expect(bad.data.error_messages[0]).toBe("Bad value: order_amount")
      expect((await readCheckout(id)).order_amount).toBe(5500)

      expect((await kustom().post(`/checkout/v3/orders/nope`, smallerCart)).status).toBe(404)
    })

    it("after completion an update is 403 READ_ONLY_ORDER, and abort too", async () => {
      const id = await createCheckout(kustom(), body())
      expect((await complete(h, id)).data.completed).toBe(true)
      const res = await kustom().post(`/checkout/v3/orders/${id}`, smallerCart)
      expect(res.status).toBe(403)
      expect(res.data.error_code).toBe("READ_ONLY_ORDER")
      expect((await readCheckout(id)).order_amount).toBe(10500)
      const abort = await kustom().post(`/checkout/v3/orders/${id}/abort`)
      expect(abort.status).toBe(403)
      expect(abort.data.error_code).toBe("READ_ONLY_ORDER")
    })

    it("abort answers 204; the checkout reads checkout_aborted and can be neither updated nor completed", async () => {
      const id = await createCheckout(kustom(), body())
      const res = await kustom().post(`/checkout/v3/orders/${id}/abort`)
      expect(res.status).toBe(204)
      expect(res.data).toBe("")
      expect((await readCheckout(id)).status).toBe("checkout_aborted")
      expect((await kustom().post(`/checkout/v3/orders/${id}`, smallerCart)).data.error_code).toBe("READ_ONLY_ORDER")
      const done = await complete(h, id)
      expect(done.status).toBe(409)
      expect(done.data.error_code).toBe("CONFLICT")
      expect((await kustom().get(kom(id))).status).toBe(404)
    })

    it("an incomplete checkout past its 48 h is gone (404)", async () => {
      const id = await createCheckout(kustom(), body())
      const created = await readCheckout(id)
      expect(Date.parse((await h.raw.get(`/_sim/kustom/checkouts/${id}`)).data.expires_at) - Date.parse(created.last_modified_at)).toBe(48 * 3600_000)
      expect((await h.raw.post(`/_sim/kustom/checkouts/${id}/expire`)).status).toBe(200)
      const res = await kustom().get(`/checkout/v3/orders/${id}`)
      expect(res.status).toBe(404)
      expect(res.data.error_code).toBe("NOT_FOUND")
      expect((await complete(h, id)).status).toBe(404)
    })
  })

  describe("completion by the shopper", () => {
    it("creates an AUTHORIZED Kustom order with the checkout's id, lines and amounts", async () => {
      const id = await createCheckout(kustom(), body({ merchant_reference1: "shop-7" }))
      const res = await complete(h, id, { payment_method_type: "fixed_amount", email: "ann@example.com", fraud_status: "ACCEPTED" })
      expect(res.status).toBe(200)
      expect(res.data).toEqual({ completed: true, order_id: id, confirmation_url: `${merchant.url}/confirmation?o=${id}` })

      const checkout = await readCheckout(id)
      expect(checkout).toMatchObject({ status: "checkout_complete", completed_at: expect.any(String), billing_address: { email: "ann@example.com", country: "SE" } })

      const order = (await kustom().get(kom(id))).data
      expect(order).toMatchObject({
        order_id: id,
        status: "AUTHORIZED",
        fraud_status: "ACCEPTED",
        order_amount: 10500,
        original_order_amount: 10500,
        remaining_authorized_amount: 10500,
        purchase_currency: "SEK",
        merchant_reference1: "shop-7",
        order_lines: checkout.order_lines,
        initial_payment_method: { type: "FIXED_AMOUNT", number_of_installments: 3 },
        klarna_reference: expect.stringMatching(/^[A-Z2-9]{7}$/),
      })

      const again = await complete(h, id)
      expect(again.status).toBe(409)
      expect(again.data.error_code).toBe("CONFLICT")
    })

    it("a PENDING purchase is not capturable until the fraud decision", async () => {
      const id = await createCheckout(kustom(), body())
      await complete(h, id, { fraud_status: "PENDING" })
      expect((await kustom().post(kom(id, "/captures"), { captured_amount: 100 })).data.error_code).toBe("CAPTURE_NOT_ALLOWED")
      await h.raw.post(`/_sim/orders/${id}/fraud-decision`, { fraud_status: "ACCEPTED" })
      expect((await kustom().post(kom(id, "/captures"), { captured_amount: 100 })).status).toBe(201)
    })

    it("the Kustom order is captured (idempotently) and refunded with Kustom's credentials", async () => {
      const id = await createCheckout(kustom(), body())
      await complete(h, id)
      const key = { headers: { "Klarna-Idempotency-Key": "kustom-cap-1" } }
      const first = await kustom().post(kom(id, "/captures"), { captured_amount: 10500 }, key)
      const replay = await kustom().post(kom(id, "/captures"), { captured_amount: 10500 }, key)
      expect(first.status).toBe(201)
      expect(replay.status).toBe(201)
      expect(replay.headers["capture-id"]).toBe(first.headers["capture-id"])

      const refund = await kustom().post(kom(id, "/refunds"), { refunded_amount: 2500 })
      expect(refund.status).toBe(201)
      expect(refund.headers.location).toBe(`${h.sim.url}/kustom/ordermanagement/v1/orders/${id}/refunds/${refund.headers["refund-id"]}`)
      expect((await kustom().get(kom(id))).data).toMatchObject({ status: "CAPTURED", captured_amount: 10500, refunded_amount: 2500, captures: [expect.any(Object)] })
      expect((await kustom().post(kom(id, "/cancel"))).data.error_code).toBe("CANCEL_NOT_ALLOWED")
    })

    it("refuses bad control bodies (REJECTED cannot be chosen at purchase)", async () => {
      const id = await createCheckout(kustom(), body())
      const res = await complete(h, id, { fraud_status: "REJECTED" })
      expect(res.status).toBe(400)
      expect(res.data.error_messages[0]).toBe("Bad value: fraud_status")
      expect((await readCheckout(id)).status).toBe("checkout_incomplete")
    })
  })

  describe("the merchant's validation callback", () => {
    it("a 200 accepts: the checkout order (with the shopper's addresses) is POSTed to the expanded URL first", async () => {
      const id = await createCheckout(kustom(), withValidation())
      const res = await complete(h, id, { shipping_address: { given_name: "Bo", city: "Lund", country: "SE" } })
      expect(res.data).toMatchObject({ completed: true, order_id: id })

      const calls = merchant.to("/validate")
      expect(calls).toHaveLength(1)
      expect(calls[0]).toMatchObject({ method: "POST", path: `/validate?o=${id}`, contentType: "application/json" })
      const sent = JSON.parse(calls[0].body)
      expect(sent).toMatchObject({ order_id: id, status: "checkout_incomplete", order_amount: 10500, shipping_address: { city: "Lund" } })
      expect((await kustom().get(kom(id))).data.shipping_address).toMatchObject({ city: "Lund" })
    })

    it.each([
      ["a 303 redirect", { status: 303, headers: { Location: "https://shop.example/cart?err=stock" } }, { status: 303, location: "https://shop.example/cart?err=stock" }],
      ["a 400", { status: 400 }, { status: 400 }],
      ["a 500", { status: 500 }, { status: 500 }],
    ])("%s refuses: the checkout stays incomplete and no order exists", async (_what, answer, expected) => {
      validation = answer
      const id = await createCheckout(kustom(), withValidation())
      const res = await complete(h, id)
      expect(res.status).toBe(200)
      expect(res.data).toEqual({ completed: false, validation: expected })
      expect((await readCheckout(id)).status).toBe("checkout_incomplete")
      const order = await kustom().get(kom(id))
      expect(order.status).toBe(404)
      expect(order.data.error_code).toBe("NO_SUCH_ORDER")

      // The shopper tries again once the merchant accepts.
      validation = { status: 200 }
      expect((await complete(h, id)).data.completed).toBe(true)
      expect(merchant.to("/validate")).toHaveLength(2)
    })

    it("no answer within the timeout refuses", async () => {
      validation = { status: 200, delayMs: 1000 }
      const id = await createCheckout(kustom(), withValidation())
      const res = await complete(h, id)
      expect(res.data.completed).toBe(false)
      expect(res.data.validation.status).toBeUndefined()
      expect(res.data.validation.error).toEqual(expect.any(String))
      expect((await readCheckout(id)).status).toBe("checkout_incomplete")
    })

    it("a second completion while the merchant is still deciding is refused with 409", async () => {
      validation = { status: 200, delayMs: 150 }
      const id = await createCheckout(kustom(), withValidation())
      const [a, b] = await Promise.all([complete(h, id), new Promise((r) => setTimeout(r, 30)).then(() => complete(h, id))])
      expect(a.data.completed).toBe(true)
      expect(b.status).toBe(409)
      expect(merchant.to("/validate")).toHaveLength(1)
    })
  })
})
