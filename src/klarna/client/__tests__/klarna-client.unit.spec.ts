import { MedusaError } from "@medusajs/framework/utils"
import { KlarnaApiError } from "../errors"
import { klarnaIdempotencyKey } from "../idempotency"
import { createKlarnaClient, KlarnaClient, type KlarnaClientConfig } from "../klarna-client"
import { capturingLogger, klarnaError, omOrder, ScriptedServer } from "./helpers/scripted-server"

const line = { type: "physical" as const, reference: "SKU-1", name: "Shirt", quantity: 1, unit_price: 10000, tax_rate: 1900, total_amount: 10000, total_tax_amount: 1597 }
const session = { purchase_country: "DE", purchase_currency: "EUR", locale: "de-DE", order_amount: 10000, order_tax_amount: 1597, order_lines: [line] }

let server: ScriptedServer
beforeEach(async () => {
  server = await ScriptedServer.start()
})
afterEach(async () => {
  await server.close()
})

const client = (overrides: Partial<KlarnaClientConfig> = {}) =>
  createKlarnaClient({ baseUrl: server.url, username: "PK123_user", password: "secret", maxRetries: 0, retryBaseDelayMs: 1, ...overrides })

async function rejection(p: Promise<unknown>): Promise<KlarnaApiError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(KlarnaApiError)
    return e as KlarnaApiError
  }
  throw new Error("expected a rejection")
}

describe("construction", () => {
  it("requires exactly one kind of credentials", () => {
    expect(() => new KlarnaClient({ baseUrl: "http://x.test" })).toThrow(/credentials missing/)
    expect(() => new KlarnaClient({ baseUrl: "http://x.test", username: "u" })).toThrow(/credentials missing/)
    expect(() => new KlarnaClient({ baseUrl: "http://x.test", password: "p" })).toThrow(/credentials missing/)
    expect(() => new KlarnaClient({ baseUrl: "http://x.test", username: "u", password: "p", apiKey: "k" })).toThrow(/not both/)
    expect(() => new KlarnaClient({ baseUrl: "http://x.test", apiKey: "bad key\n" })).toThrow(/printable ASCII/)
    expect(() => new KlarnaClient({ baseUrl: "http://x.test", apiKey: "k", timeoutMs: 0 })).toThrow(/timeoutMs/)
    expect(() => new KlarnaClient({ baseUrl: "http://x.test", apiKey: "k", maxRetries: 1.5 })).toThrow(/maxRetries/)
  })

  it("resolves the base URL from region and environment by default", () => {
    expect(new KlarnaClient({ apiKey: "k" }).baseUrl).toBe("https://api.playground.klarna.com")
    expect(new KlarnaClient({ apiKey: "k", region: "oc", environment: "live" }).baseUrl).toBe("https://api-oc.klarna.com")
    expect(new KlarnaClient({ apiKey: "k", region: "na", product: "checkout" }).baseUrl).toBe("https://api-na.playground.kustom.co")
  })

  it("does not keep credentials on the client object", () => {
    const c = new KlarnaClient({ baseUrl: "http://x.test", username: "PK123_user", password: "hunter2-secret" })
    const { inspect } = require("node:util") as typeof import("node:util")
    const dump = inspect(c, { depth: 10, showHidden: true })
    expect(dump).not.toContain("hunter2-secret")
    expect(dump).not.toContain(Buffer.from("PK123_user:hunter2-secret").toString("base64"))
  })
})

describe("auth and headers", () => {
  it("sends HTTP Basic base64(username:password)", async () => {
    server.script({ status: 200, body: omOrder() })
    await client({ username: "PK123_abc", password: "päss:word" }).getOrder("ord-1")
    const expected = "Basic " + Buffer.from("PK123_abc:päss:word", "utf8").toString("base64")
    expect(server.requests[0].headers.authorization).toBe(expected)
  })

  it("sends an API key as-is after Basic", async () => {
    server.script({ status: 200, body: omOrder() })
    await client({ username: undefined, password: undefined, apiKey: "klarna_test_api_abc123" }).getOrder("ord-1")
    expect(server.requests[0].headers.authorization).toBe("Basic klarna_test_api_abc123")
  })

  it("sends only the documented headers", async () => {
    server.script({ status: 201, headers: { "Capture-Id": "cap-1" } })
    await client().captureOrder("ord-1", { captured_amount: 100 }, "key-1")
    const h = server.requests[0].headers
    expect(h["content-type"]).toBe("application/json")
    expect(h.accept).toBe("application/json")
    expect(h["user-agent"]).toMatch(/^Library\/medusa-klarna_\d+\.\d+\.\d+\S* Language\/Node_\d+\.\d+\.\d+$/)
    expect(h["klarna-idempotency-key"]).toBe("key-1")
    const transport = ["host", "connection", "content-length", "accept-encoding"]
    const rest = Object.keys(h).filter((k) => !transport.includes(k))
    expect(rest.sort()).toEqual(["accept", "authorization", "content-type", "klarna-idempotency-key", "user-agent"])
  })

  it("uses a custom User-Agent when given and sends no idempotency key on reads", async () => {
    server.script({ status: 200, body: omOrder() })
    await client({ userAgent: "Library/custom_1.0" }).getOrder("ord-1")
    expect(server.requests[0].headers["user-agent"]).toBe("Library/custom_1.0")
    expect(server.requests[0].headers["klarna-idempotency-key"]).toBeUndefined()
  })
})

describe("Klarna Payments", () => {
  it("creates a session", async () => {
    server.script({
      status: 200,
      body: {
        session_id: "sess-1",
        client_token: "tok",
        payment_method_categories: [{ identifier: "pay_later", name: "Pay later", asset_urls: { descriptive: "d", standard: null } }],
        extra_field: 1,
      },
    })
    const created = await client().createSession({ ...session, merchant_urls: { authorization: "https://shop.test/hook" } })
    expect(created).toMatchObject({ session_id: "sess-1", client_token: "tok", extra_field: 1 })
    expect(created.payment_method_categories[0]).toMatchObject({ identifier: "pay_later", asset_urls: { descriptive: "d" } })
    expect(server.requests[0]).toMatchObject({ method: "POST", url: "/payments/v1/sessions" })
    expect(JSON.parse(server.requests[0].body)).toMatchObject({ order_amount: 10000, merchant_urls: { authorization: "https://shop.test/hook" } })
  })

  it("tolerates a missing payment_method_categories", async () => {
    server.script({ status: 200, body: { session_id: "s", client_token: "t", payment_method_categories: null } })
    expect((await client().createSession(session)).payment_method_categories).toEqual([])
  })

  it("reads and updates a session (POST, 204)", async () => {
    server.script({ status: 200, body: { ...session, status: "incomplete", expires_at: "2025-01-03T00:00:00Z", order_lines: [line] } }, { status: 204 })
    const read = await client().readSession("sess/1")
    expect(read.status).toBe("incomplete")
    const ack = await client().updateSession("sess/1", { order_amount: 5000 })
    expect(ack).toEqual({ correlation_id: undefined })
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /payments/v1/sessions/sess%2F1", "POST /payments/v1/sessions/sess%2F1"])
  })

  it("creates an order from an authorization token (object or bare-string payment method)", async () => {
    server.script(
      { status: 200, body: { order_id: "ord-1", redirect_url: null, fraud_status: "ACCEPTED", authorized_payment_method: { type: "invoice", number_of_days: 14 } } },
      { status: 200, body: { order_id: "ord-2", fraud_status: "PENDING", authorized_payment_method: "invoice" } }
    )
    const a = await client().createOrder("auth-tok", { ...session, auto_capture: false, merchant_reference1: "order_01", merchant_data: "{}" })
    expect(a).toMatchObject({ order_id: "ord-1", fraud_status: "ACCEPTED", authorized_payment_method: { type: "invoice", number_of_days: 14 } })
    expect(a.redirect_url).toBeUndefined()
    const b = await client().createOrder("auth-tok-2", session)
    expect(b.authorized_payment_method).toEqual({ type: "invoice" })
    expect(server.requests[0].url).toBe("/payments/v1/authorizations/auth-tok/order")
    expect(server.requests[0].headers["klarna-idempotency-key"]).toBeUndefined()
  })

  it("cancels an authorization with DELETE", async () => {
    server.script({ status: 204, headers: { "Klarna-Correlation-Id": "c-1" } })
    expect(await client().cancelAuthorization("auth-tok")).toEqual({ correlation_id: "c-1" })
    expect(server.requests[0]).toMatchObject({ method: "DELETE", url: "/payments/v1/authorizations/auth-tok" })
  })

  it("refuses to send an invalid body, naming the field", async () => {
    const err = await rejection(client().createSession({ ...session, order_amount: 99.5 }))
    expect(err.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(err.message).toMatch(/create the payment session: order_amount: expected int/)
    expect(server.requests).toHaveLength(0)
  })
})

describe("Order Management", () => {
  it("reads an order: nulls tolerated, unknown fields kept", async () => {
    server.script({ status: 200, body: omOrder({ some_new_field: { a: 1 }, shipping_info: null }) })
    const order = await client().getOrder("ord 1/x")
    expect(server.requests[0].url).toBe("/ordermanagement/v1/orders/ord%201%2Fx")
    expect(order).toMatchObject({ order_id: "ord-1", status: "AUTHORIZED", remaining_authorized_amount: 10000, some_new_field: { a: 1 } })
    expect(order.merchant_reference2).toBeUndefined()
    expect(order.initial_payment_method).toEqual({ type: "INVOICE", description: "Pay later in 14 days", number_of_installments: undefined })
    expect(order.order_lines[0].type).toBe("physical")
  })

  it("accepts fraud statuses it doesn't know", async () => {
    server.script({ status: 200, body: omOrder({ fraud_status: "SOMETHING_NEW" }) })
    expect((await client().getOrder("ord-1")).fraud_status).toBe("SOMETHING_NEW")
  })

  it("fails clearly when a required field has the wrong type", async () => {
    server.script({ status: 200, headers: { "Klarna-Correlation-Id": "corr-zod" }, body: omOrder({ order_amount: "10000" }) })
    const err = await rejection(client().getOrder("ord-1"))
    expect(err.message).toBe(
      "Klarna returned an unexpected response while trying to read the order: order_amount: expected number, received string (correlation id corr-zod)"
    )
    expect(err.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
    expect(err.correlationId).toBe("corr-zod")
    expect(err.operation).toBe("getOrder")
    expect(err.retryable).toBe(false)
  })

  it("names nested fields and missing fields", async () => {
    server.script({ status: 200, body: omOrder({ captures: [{ capture_id: "c1", captured_at: "x" }], klarna_reference: undefined }) })
    const err = await rejection(client().getOrder("ord-1"))
    expect(err.message).toContain("klarna_reference: expected string, received undefined")
    expect(err.message).toContain("captures[0].captured_amount: expected number")
  })

  it("fails clearly on a non-JSON or empty body", async () => {
    server.script({ status: 200, body: "<html>oops</html>" }, { status: 200 })
    expect((await rejection(client().getOrder("ord-1"))).message).toMatch(/read the order: response body is not JSON$/)
    expect((await rejection(client().getOrder("ord-1"))).message).toMatch(/read the order: empty response body$/)
  })

  it("takes the capture id from the Capture-Id header", async () => {
    server.script({ status: 201, headers: { "Capture-Id": "cap-123", Location: "https://x.test/ordermanagement/v1/orders/ord-1/captures/other", "Klarna-Correlation-Id": "c9" } })
    const body = { captured_amount: 10000, reference: "capt_01", order_lines: [line], shipping_info: [{ shipping_company: "DHL", tracking_number: "123" }] }
    const res = await client().captureOrder("ord-1", body, "idem-1")
    expect(res).toEqual({ capture_id: "cap-123", location: "https://x.test/ordermanagement/v1/orders/ord-1/captures/other", correlation_id: "c9" })
    expect(server.requests[0]).toMatchObject({ method: "POST", url: "/ordermanagement/v1/orders/ord-1/captures" })
    expect(JSON.parse(server.requests[0].body)).toEqual(body)
  })

  it("falls back to the last Location segment", async () => {
    server.script(
      { status: 201, headers: { Location: "https://x.test/ordermanagement/v1/orders/ord-1/captures/cap%2077/" } },
      { status: 201, headers: { Location: "/ordermanagement/v1/orders/ord-1/refunds/ref-9?x=1" } }
    )
    expect((await client().captureOrder("ord-1", { captured_amount: 1 }, "k1")).capture_id).toBe("cap 77")
    expect((await client().refundOrder("ord-1", { refunded_amount: 1 }, "k2")).refund_id).toBe("ref-9")
  })

  it("takes the refund id from the Refund-Id header", async () => {
    server.script({ status: 201, headers: { "Refund-Id": "ref-1" } })
    const res = await client().refundOrder("ord-1", { refunded_amount: 500, description: "Goodwill" }, "idem-r")
    expect(res.refund_id).toBe("ref-1")
    expect(server.requests[0].url).toBe("/ordermanagement/v1/orders/ord-1/refunds")
  })

  it("fails when neither an id header nor Location comes back", async () => {
    server.script({ status: 201, headers: { "Klarna-Correlation-Id": "c-x" } })
    const err = await rejection(client().captureOrder("ord-1", { captured_amount: 1 }, "k"))
    expect(err.message).toBe(
      "Klarna returned an unexpected response while trying to capture the order: neither a Capture-Id nor a Location header in the 201 response (correlation id c-x)"
    )
  })

  it("reads captures and refunds", async () => {
    const capture = { capture_id: "cap-1", klarna_reference: "K4MADNY-1", captured_amount: 100, captured_at: "2025-01-02T00:00:00Z", order_lines: null, shipping_info: [] }
    server.script(
      { status: 200, body: [capture] },
      { status: 200, body: capture },
      { status: 200, body: { refund_id: "ref-1", refunded_amount: 50, refunded_at: "2025-01-03T00:00:00Z", order_lines: [line] } }
    )
    const list = await client().listCaptures("ord-1")
    expect(list).toHaveLength(1)
    expect(list[0].order_lines).toBeUndefined()
    expect((await client().getCapture("ord-1", "cap-1")).klarna_reference).toBe("K4MADNY-1")
    expect((await client().getRefund("ord-1", "ref-1")).refunded_amount).toBe(50)
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /ordermanagement/v1/orders/ord-1/captures",
      "GET /ordermanagement/v1/orders/ord-1/captures/cap-1",
      "GET /ordermanagement/v1/orders/ord-1/refunds/ref-1",
    ])
  })

  it("sends every write with its method, path and idempotency key", async () => {
    server.otherwise({ status: 204 })
    const c = client()
    const key = (op: string) => klarnaIdempotencyKey(op, "ord-1")
    await c.cancelOrder("ord-1", key("cancel"))
    await c.releaseRemainingAuthorization("ord-1", key("release"))
    await c.extendAuthorizationTime("ord-1", key("extend"))
    await c.updateAuthorization("ord-1", { order_amount: 9000, order_lines: [{ ...line, unit_price: 9000, total_amount: 9000, total_tax_amount: 1437 }] }, key("update"))
    await c.updateMerchantReferences("ord-1", { merchant_reference1: "order_01", merchant_reference2: "pay_01" }, key("refs"))
    await c.acknowledgeOrder("ord-1", key("ack"))
    await c.addCaptureShippingInfo("ord-1", "cap-1", { shipping_info: [{ shipping_company: "DHL", shipping_method: "Home", tracking_number: "1Z" }] }, key("ship"))
    expect(server.requests.map((r) => [r.method, r.url, r.headers["klarna-idempotency-key"]])).toEqual([
      ["POST", "/ordermanagement/v1/orders/ord-1/cancel", key("cancel")],
      ["POST", "/ordermanagement/v1/orders/ord-1/release-remaining-authorization", key("release")],
      ["POST", "/ordermanagement/v1/orders/ord-1/extend-authorization-time", key("extend")],
      ["PATCH", "/ordermanagement/v1/orders/ord-1/authorization", key("update")],
      ["PATCH", "/ordermanagement/v1/orders/ord-1/merchant-references", key("refs")],
      ["POST", "/ordermanagement/v1/orders/ord-1/acknowledge", key("ack")],
      ["POST", "/ordermanagement/v1/orders/ord-1/captures/cap-1/shipping-info", key("ship")],
    ])
    expect(server.requests[0].body).toBe("")
    expect(JSON.parse(server.requests[3].body)).toMatchObject({ order_amount: 9000 })
  })

  it("requires an idempotency key on every write and sends nothing without one", async () => {
    const c = client()
    const writes: [string, () => Promise<unknown>][] = [
      ["captureOrder", () => c.captureOrder("ord-1", { captured_amount: 1 }, "")],
      ["refundOrder", () => c.refundOrder("ord-1", { refunded_amount: 1 }, undefined as unknown as string)],
      ["cancelOrder", () => c.cancelOrder("ord-1", "  ")],
      ["releaseRemainingAuthorization", () => c.releaseRemainingAuthorization("ord-1", "")],
      ["extendAuthorizationTime", () => c.extendAuthorizationTime("ord-1", "")],
      ["updateAuthorization", () => c.updateAuthorization("ord-1", { order_amount: 1 }, "")],
      ["updateMerchantReferences", () => c.updateMerchantReferences("ord-1", {}, "")],
      ["acknowledgeOrder", () => c.acknowledgeOrder("ord-1", "")],
      ["addCaptureShippingInfo", () => c.addCaptureShippingInfo("ord-1", "cap-1", { shipping_info: [{}] }, "")],
    ]
    for (const [op, call] of writes) {
      const err = await rejection(call())
      expect(err.operation).toBe(op)
      expect(err.type).toBe(MedusaError.Types.INVALID_ARGUMENT)
      expect(err.message).toMatch(/idempotency key is required/)
    }
    await expect(c.captureOrder("ord-1", { captured_amount: 1 }, "bad key")).rejects.toThrow(/printable ASCII/)
    expect(server.requests).toHaveLength(0)
  })

  it("requires path ids", async () => {
    const err = await rejection(client().getOrder(""))
    expect(err.message).toBe("Cannot read the order with Klarna: orderId is required")
    await expect(client().getCapture("ord-1", "")).rejects.toThrow(/captureId is required/)
    expect(server.requests).toHaveLength(0)
  })

  it("maps Klarna's error body into a merchant-readable error", async () => {
    server.script(
      klarnaError(403, "CAPTURE_NOT_ALLOWED", "Captured amount is higher than the remaining authorized amount. Capture not possible.", "66782175-ae05-44fc-9eb3-eeceadbad271")
    )
    const err = await rejection(client().captureOrder("ord-1", { captured_amount: 20000 }, "k"))
    expect(err.message).toBe(
      "Klarna refused to capture the order: Captured amount is higher than the remaining authorized amount. Capture not possible. (CAPTURE_NOT_ALLOWED, correlation id 66782175-ae05-44fc-9eb3-eeceadbad271)"
    )
    expect(err).toMatchObject({
      type: MedusaError.Types.NOT_ALLOWED,
      status: 403,
      errorCode: "CAPTURE_NOT_ALLOWED",
      errorMessages: ["Captured amount is higher than the remaining authorized amount. Capture not possible."],
      correlationId: "66782175-ae05-44fc-9eb3-eeceadbad271",
      operation: "captureOrder",
      retryable: false,
    })
    expect(err).toBeInstanceOf(MedusaError)
  })

  it.each([
    [400, "BAD_VALUE", MedusaError.Types.INVALID_DATA],
    [404, "NO_SUCH_ORDER", MedusaError.Types.NOT_FOUND],
    [422, "INVALID_ADDRESS", MedusaError.Types.INVALID_DATA],
  ])("maps HTTP %i to the MedusaError type", async (status, code, type) => {
    server.script(klarnaError(status, code, "nope"))
    const err = await rejection(client().getOrder("ord-1"))
    expect(err.type).toBe(type)
    expect(err.status).toBe(status)
  })

  it("uses the correlation id header when the error has no body", async () => {
    server.script({ status: 404, headers: { "Klarna-Correlation-Id": "hdr-corr" } })
    const err = await rejection(client().getOrder("ord-1"))
    expect(err.message).toBe("Klarna refused to read the order (HTTP 404, correlation id hdr-corr)")
    expect(err.correlationId).toBe("hdr-corr")
  })

  it("logs each successful call at debug level without headers", async () => {
    const logger = capturingLogger()
    server.script({ status: 200, headers: { "Klarna-Correlation-Id": "c-1" }, body: omOrder() })
    await client({ logger }).getOrder("ord-1")
    expect(logger.lines).toHaveLength(1)
    expect(logger.lines[0].level).toBe("debug")
    expect(logger.lines[0].message).toMatch(/^Klarna getOrder: GET \/ordermanagement\/v1\/orders\/ord-1 -> 200 in \d+ ms \(correlation id c-1\)$/)
  })
})
