import { approve, cart, createSession, om, startHarness, startReceiver, waitFor, type Harness } from "./support/harness"

describe("Klarna Payments v1", () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({ apiKeys: ["klarna_test_api_KEY123"] })
  })
  afterAll(() => h.sim.close())
  beforeEach(() => h.sim.reset())

  describe("auth and error envelope", () => {
    it("answers 401 UNAUTHORIZED without or with wrong credentials", async () => {
      const missing = await h.raw.post("/payments/v1/sessions", cart())
      expect(missing.status).toBe(401)
      expect(missing.data.error_code).toBe("UNAUTHORIZED")
      const wrong = await h.raw.get(om("x"), { auth: { username: "sim_user", password: "nope" } })
      expect(wrong.status).toBe(401)
    })

    it("accepts a raw API key as Basic <key>, but not an unknown one", async () => {
      const ok = await h.raw.post("/payments/v1/sessions", cart(), { headers: { Authorization: "Basic klarna_test_api_KEY123" } })
      expect(ok.status).toBe(200)
      const bad = await h.raw.post("/payments/v1/sessions", cart(), { headers: { Authorization: "Basic klarna_test_api_OTHER" } })
      expect(bad.status).toBe(401)
    })

    it("sends a Klarna-Correlation-Id on every answer, equal to the error body's correlation_id", async () => {
      const ok = await h.api.post("/payments/v1/sessions", cart())
      expect(ok.headers["klarna-correlation-id"]).toMatch(/^[0-9a-f-]{36}$/)
      const err = await h.api.get(om("does-not-exist"))
      expect(err.status).toBe(404)
      expect(err.data).toEqual({
        error_code: "NO_SUCH_ORDER",
        error_messages: [expect.any(String)],
        correlation_id: err.headers["klarna-correlation-id"],
      })
      expect(Object.keys(err.data).sort()).toEqual(["correlation_id", "error_code", "error_messages"])
    })

    it("accepts JSON bodies only (415 for another content type)", async () => {
      const res = await h.api.post("/payments/v1/sessions", "purchase_country=SE", { headers: { "Content-Type": "text/plain" } })
      expect(res.status).toBe(415)
      expect(res.data.error_code).toBe("UNSUPPORTED_MEDIA_TYPE")
    })

    it("answers 400 BAD_REQUEST to malformed JSON", async () => {
      const res = await h.api.post("/payments/v1/sessions", "{not json", { headers: { "Content-Type": "application/json" } })
      expect(res.status).toBe(400)
      expect(res.data.error_code).toBe("BAD_REQUEST")
    })
  })

  describe("sessions", () => {
    it("creates a session with client_token and the three payment method categories", async () => {
      const res = await h.api.post("/payments/v1/sessions", cart())
      expect(res.status).toBe(200)
      expect(res.data.session_id).toEqual(expect.any(String))
      expect(res.data.client_token).toEqual(expect.any(String))
      expect(res.data.payment_method_categories.map((c: { identifier: string }) => c.identifier)).toEqual([
        "pay_later",
        "pay_over_time",
        "pay_now",
      ])
      expect(res.data.payment_method_categories[0]).toEqual({
        identifier: "pay_later",
        name: "Pay later",
        asset_urls: { descriptive: expect.any(String), standard: expect.any(String) },
      })
    })

    it.each([
      ["purchase_country", { purchase_country: "SWE" }],
      ["purchase_currency", { purchase_currency: "SE" }],
      ["locale", { locale: "not a locale" }],
      ["order_amount", { order_amount: 10499 }],
      ["order_amount", { order_amount: 1.5 }],
    ])("refuses a bad %s with 400 BAD_VALUE", async (field, override) => {
      const res = await h.api.post("/payments/v1/sessions", cart(override))
      expect(res.status).toBe(400)
      expect(res.data.error_code).toBe("BAD_VALUE")
      expect(res.data.error_messages[0]).toBe(`Bad value: ${field}`)
    })

    it("names the first offending order line field, e.g. order_lines[1].total_tax_amount", async () => {
      const body = cart()
      body.order_lines[1] = { ...body.order_lines[1], total_tax_amount: 50 }
      const res = await h.api.post("/payments/v1/sessions", body)
      expect(res.status).toBe(400)
      expect(res.data.error_messages[0]).toBe("Bad value: order_lines[1].total_tax_amount")
    })

    it("reads and updates a session (204), re-validating the merged result", async () => {
      const id = await createSession(h)
      const read = await h.api.get(`/payments/v1/sessions/${id}`)
      expect(read.status).toBe(200)
      expect(read.data).toMatchObject({ status: "incomplete", order_amount: 10500, purchase_currency: "SEK", expires_at: expect.any(String) })

      const bad = await h.api.post(`/payments/v1/sessions/${id}`, { order_amount: 999 })
      expect(bad.status).toBe(400)
      expect(bad.data.error_messages[0]).toBe("Bad value: order_amount")

      const upd = await h.api.post(`/payments/v1/sessions/${id}`, { merchant_reference1: "R-1" })
      expect(upd.status).toBe(204)
      expect((await h.api.get(`/payments/v1/sessions/${id}`)).data.merchant_reference1).toBe("R-1")
    })

    it("answers 404 NOT_FOUND for an unknown session", async () => {
      const res = await h.api.get("/payments/v1/sessions/nope")
      expect(res.status).toBe(404)
      expect(res.data).toMatchObject({ error_code: "NOT_FOUND", error_messages: ["Invalid session id"] })
    })
  })

  describe("authorization token → order", () => {
    it("approve + create order returns order_id, fraud_status and the authorized method; session completes", async () => {
      const sessionId = await createSession(h)
      const token = await approve(h, sessionId, { payment_method_category: "pay_later" })
      const res = await h.api.post(`/payments/v1/authorizations/${token}/order`, cart({ merchant_reference1: "ORDER-1" }))
      expect(res.status).toBe(200)
      expect(res.data).toEqual({
        order_id: expect.any(String),
        redirect_url: expect.stringContaining(res.data.order_id),
        fraud_status: "ACCEPTED",
        authorized_payment_method: { type: "invoice", number_of_days: 30 },
      })
      const order = (await h.api.get(om(res.data.order_id))).data
      expect(order).toMatchObject({
        status: "AUTHORIZED",
        order_amount: 10500,
        original_order_amount: 10500,
        captured_amount: 0,
        refunded_amount: 0,
        remaining_authorized_amount: 10500,
        merchant_reference1: "ORDER-1",
        initial_payment_method: { type: "INVOICE" },
        captures: [],
        refunds: [],
      })
      expect(order.klarna_reference).toMatch(/^[A-Z0-9]{7}$/)
      const days = (Date.parse(order.expires_at) - Date.parse(order.created_at)) / 86_400_000
      expect(days).toBeCloseTo(28, 3)

      expect((await h.api.get(`/payments/v1/sessions/${sessionId}`)).data.status).toBe("complete")
      const update = await h.api.post(`/payments/v1/sessions/${sessionId}`, { merchant_reference1: "x" })
      expect(update.status).toBe(404)
      expect(update.data.error_code).toBe("SESSION_COMPLETED")
    })

    it("replays the same answer for an identical retry, refuses a different body with 403 INVALID_OPERATION", async () => {
      const token = await approve(h, await createSession(h))
      const first = await h.api.post(`/payments/v1/authorizations/${token}/order`, cart())
      const again = await h.api.post(`/payments/v1/authorizations/${token}/order`, cart())
      expect(again.status).toBe(200)
      expect(again.data).toEqual(first.data)
      expect((await h.raw.get("/_sim/orders")).data).toHaveLength(1)

      const other = await h.api.post(`/payments/v1/authorizations/${token}/order`, cart({ merchant_reference1: "changed" }))
      expect(other.status).toBe(403)
      expect(other.data).toMatchObject({ error_code: "INVALID_OPERATION", error_messages: ["Authorization token already consumed"] })
    })

    it("answers 409 BAD_VALUE 'Not matching fields' when the cart differs from the authorized one", async () => {
      const token = await approve(h, await createSession(h))
      const body = cart({ order_amount: 10000, order_tax_amount: 2000 })
      body.order_lines = [body.order_lines[0]]
      const res = await h.api.post(`/payments/v1/authorizations/${token}/order`, body)
      expect(res.status).toBe(409)
      expect(res.data.error_code).toBe("BAD_VALUE")
      expect(res.data.error_messages[0]).toMatch(/^Not matching fields: \[.*order_amount.*order_lines.*\]$/)
      expect(res.data.error_messages[1]).toBe("Incorrect number of items in the cart. Expected: 2, Actual: 1")
    })

    it("validates the create-order body like a session", async () => {
      const token = await approve(h, await createSession(h))
      const body = cart()
      body.order_lines[0] = { ...body.order_lines[0], total_amount: 9999 }
      const res = await h.api.post(`/payments/v1/authorizations/${token}/order`, body)
      expect(res.status).toBe(400)
      expect(res.data.error_messages[0]).toBe("Bad value: order_lines[0].total_amount")
    })

    it("refuses an unknown token with 404 'Invalid authorization token'", async () => {
      const res = await h.api.post("/payments/v1/authorizations/unknown/order", cart())
      expect(res.status).toBe(404)
      expect(res.data).toMatchObject({ error_code: "NOT_FOUND", error_messages: ["Invalid authorization token"] })
    })

    it("answers 403 REJECTED when the customer was rejected", async () => {
      const token = await approve(h, await createSession(h), { fraud_status: "REJECTED" })
      const res = await h.api.post(`/payments/v1/authorizations/${token}/order`, cart())
      expect(res.status).toBe(403)
      expect(res.data.error_code).toBe("REJECTED")
    })

    it("DELETE authorization → 204, the token is then unusable", async () => {
      const token = await approve(h, await createSession(h))
      expect((await h.api.delete(`/payments/v1/authorizations/${token}`)).status).toBe(204)
      expect((await h.api.post(`/payments/v1/authorizations/${token}/order`, cart())).status).toBe(404)
    })

    it("auto_capture: true creates a CAPTURED order", async () => {
      const token = await approve(h, await createSession(h))
      const res = await h.api.post(`/payments/v1/authorizations/${token}/order`, { ...cart(), auto_capture: true })
      const order = (await h.api.get(om(res.data.order_id))).data
      expect(order).toMatchObject({ status: "CAPTURED", captured_amount: 10500, remaining_authorized_amount: 0 })
      expect(order.captures).toHaveLength(1)
    })

    it("pay_over_time maps to fixed_amount with installments", async () => {
      const token = await approve(h, await createSession(h), { payment_method_category: "pay_over_time" })
      const res = await h.api.post(`/payments/v1/authorizations/${token}/order`, cart())
      expect(res.data.authorized_payment_method).toEqual({ type: "fixed_amount", number_of_installments: 3 })
      expect((await h.api.get(om(res.data.order_id))).data.initial_payment_method).toMatchObject({ type: "FIXED_AMOUNT" })
    })

    it("POSTs {authorization_token, session_id} to merchant_urls.authorization on approval", async () => {
      const receiver = await startReceiver()
      try {
        const sessionId = await createSession(h, cart({ merchant_urls: { authorization: `${receiver.url}/auth/{session.id}` } }))
        const token = await approve(h, sessionId)
        await waitFor(() => receiver.received.length === 1)
        expect(receiver.received[0]).toEqual({ path: `/auth/${sessionId}`, body: { authorization_token: token, session_id: sessionId } })
      } finally {
        await receiver.close()
      }
    })
  })
})

describe("Klarna Payments v1 expiry", () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({ authorizationTtlMs: 40, sessionTtlMs: 40 })
  })
  afterAll(() => h.sim.close())

  it("an authorization token older than authorizationTtlMs answers 404 'Invalid authorization token'", async () => {
    const token = await approve(h, await createSession(h))
    await new Promise((r) => setTimeout(r, 60))
    const res = await h.api.post(`/payments/v1/authorizations/${token}/order`, cart())
    expect(res.status).toBe(404)
    expect(res.data.error_messages).toEqual(["Invalid authorization token"])
  })

  it("a session expires sessionTtlMs after its last update", async () => {
    const id = await createSession(h)
    await new Promise((r) => setTimeout(r, 60))
    expect((await h.api.get(`/payments/v1/sessions/${id}`)).status).toBe(404)
  })
})
