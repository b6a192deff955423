import { MedusaError } from "@medusajs/framework/utils"
import { KlarnaApiError } from "../errors"
import { klarnaIdempotencyKey } from "../idempotency"
import { createKlarnaClient, type KlarnaClientConfig } from "../klarna-client"
import { capturingLogger, klarnaError, omOrder, ScriptedServer } from "./helpers/scripted-server"

let server: ScriptedServer
beforeEach(async () => {
  server = await ScriptedServer.start()
})
afterEach(async () => {
  await server.close()
})

const client = (overrides: Partial<KlarnaClientConfig> = {}) =>
  createKlarnaClient({
    baseUrl: server.url,
    apiKey: "klarna_test_api_key",
    maxRetries: 3,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 5,
    timeoutMs: 2000,
    ...overrides,
  })

async function rejection(p: Promise<unknown>): Promise<KlarnaApiError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(KlarnaApiError)
    return e as KlarnaApiError
  }
  throw new Error("expected a rejection")
}

describe("retries", () => {
  it.each([
    ["500", klarnaError(500, "INTERNAL_SERVER_ERROR", "boom")],
    ["503", klarnaError(503, "TEMPORARILY_UNAVAILABLE", "later")],
    ["409", klarnaError(409, "CONFLICT", "busy")],
    ["429", klarnaError(429, "TOO_MANY_REQUESTS", "slow down")],
  ])("retries a %s with the same idempotency key, then succeeds", async (_label, failure) => {
    server.script(failure, failure, { status: 201, headers: { "Capture-Id": "cap-1" } })
    const key = klarnaIdempotencyKey("capture", "ord-1", "capt_01")
    const res = await client().captureOrder("ord-1", { captured_amount: 100 }, key)
    expect(res.capture_id).toBe("cap-1")
    expect(server.requests).toHaveLength(3)
    expect(server.requests.map((r) => r.headers["klarna-idempotency-key"])).toEqual([key, key, key])
    expect(new Set(server.requests.map((r) => r.body)).size).toBe(1)
    expect(JSON.parse(server.requests[2].body)).toEqual({ captured_amount: 100 })
  })

  it("retries reads too", async () => {
    server.script(klarnaError(502, "TEMPORARILY_UNAVAILABLE", "x"), { status: 200, body: omOrder() })
    expect((await client().getOrder("ord-1")).order_id).toBe("ord-1")
    expect(server.requests).toHaveLength(2)
  })

  it.each([
    [400, "BAD_REQUEST", MedusaError.Types.INVALID_DATA],
    [401, "UNAUTHORIZED", MedusaError.Types.UNEXPECTED_STATE],
    [403, "CAPTURE_NOT_ALLOWED", MedusaError.Types.NOT_ALLOWED],
    [404, "NO_SUCH_ORDER", MedusaError.Types.NOT_FOUND],
  ])("never retries HTTP %i", async (status, code, type) => {
    server.otherwise(klarnaError(status, code, "no"))
    const err = await rejection(client().captureOrder("ord-1", { captured_amount: 1 }, "k"))
    expect(server.requests).toHaveLength(1)
    expect(err.status).toBe(status)
    expect(err.type).toBe(type)
    expect(err.retryable).toBe(false)
  })

  it("does not retry a Klarna Payments 409 BAD_VALUE", async () => {
    server.otherwise(klarnaError(409, "BAD_VALUE", "Not matching fields: [order_amount]"))
    const err = await rejection(client().createOrder("tok", {
      purchase_country: "DE",
      purchase_currency: "EUR",
      order_amount: 100,
      order_lines: [{ name: "x", quantity: 1, unit_price: 100, total_amount: 100 }],
    }))
    expect(server.requests).toHaveLength(1)
    expect(err.type).toBe(MedusaError.Types.CONFLICT)
    expect(err.message).toBe("Klarna refused to create the order: Not matching fields: [order_amount] (BAD_VALUE, correlation id corr-409-BAD_VALUE)")
  })

  it("gives up after maxRetries with Klarna's details", async () => {
    server.otherwise(klarnaError(500, "INTERNAL_SERVER_ERROR", "Something broke", "corr-final"))
    const err = await rejection(client({ maxRetries: 2 }).captureOrder("ord-1", { captured_amount: 1 }, "k"))
    expect(server.requests).toHaveLength(3)
    expect(err).toMatchObject({
      type: MedusaError.Types.UNEXPECTED_STATE,
      status: 500,
      errorCode: "INTERNAL_SERVER_ERROR",
      errorMessages: ["Something broke"],
      correlationId: "corr-final",
      operation: "captureOrder",
      retryable: true,
    })
    expect(err.message).toBe(
      "Klarna failed with HTTP 500 while trying to capture the order after 3 attempts: Something broke (INTERNAL_SERVER_ERROR, correlation id corr-final)"
    )
  })

  it("maxRetries 0 sends exactly once", async () => {
    server.otherwise(klarnaError(503, "TEMPORARILY_UNAVAILABLE", "x"))
    const err = await rejection(client({ maxRetries: 0 }).getOrder("ord-1"))
    expect(server.requests).toHaveLength(1)
    expect(err.message).toBe("Klarna failed with HTTP 503 while trying to read the order: x (TEMPORARILY_UNAVAILABLE, correlation id corr-503-TEMPORARILY_UNAVAILABLE)")
  })

  it("logs each retry as one warn line without headers or bodies", async () => {
    const logger = capturingLogger()
    server.script(klarnaError(503, "TEMPORARILY_UNAVAILABLE", "later", "c-503"), { status: 201, headers: { "Refund-Id": "r-1" } })
    await client({ logger }).refundOrder("ord-1", { refunded_amount: 5, description: "secret-ish body text" }, "idem-key-1")
    const warns = logger.lines.filter((l) => l.level === "warn")
    expect(warns).toHaveLength(1)
    expect(warns[0].message).toMatch(
      /^Klarna refundOrder: POST \/ordermanagement\/v1\/orders\/ord-1\/refunds failed with HTTP 503 TEMPORARILY_UNAVAILABLE on attempt 1 of 4; retrying in \d+ ms \(correlation id c-503\)$/
    )
    const all = logger.lines.map((l) => l.message).join("\n")
    expect(all).not.toContain("secret-ish")
    expect(all).not.toContain("idem-key-1")
    expect(all).not.toContain("klarna_test_api_key")
  })
})

describe("Retry-After", () => {
  it("waits as long as Retry-After says on a 429", async () => {
    server.script(klarnaError(429, "TOO_MANY_REQUESTS", "slow", "c", { "Retry-After": "0.3" }), { status: 200, body: omOrder() })
    const started = Date.now()
    await client({ retryMaxDelayMs: 1000 }).getOrder("ord-1")
    const gap = server.requests[1].at - server.requests[0].at
    expect(gap).toBeGreaterThanOrEqual(280)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it("honours an HTTP-date Retry-After on a 503", async () => {
    // HTTP dates have whole seconds: next full second + 1 gives a 1-2 s wait, capped here at 4 x 150 ms.
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000).toUTCString()
    server.script(klarnaError(503, "TEMPORARILY_UNAVAILABLE", "x", "c", { "Retry-After": at }), { status: 200, body: omOrder() })
    await client({ retryMaxDelayMs: 150 }).getOrder("ord-1")
    const gap = server.requests[1].at - server.requests[0].at
    expect(gap).toBeGreaterThanOrEqual(580)
    expect(gap).toBeLessThan(1000)
  })

  it("caps a long Retry-After (seconds) at 4 x retryMaxDelayMs", async () => {
    server.script(klarnaError(429, "TOO_MANY_REQUESTS", "slow", "c", { "Retry-After": "120" }), { status: 200, body: omOrder() })
    await client({ retryMaxDelayMs: 50 }).getOrder("ord-1")
    const gap = server.requests[1].at - server.requests[0].at
    expect(gap).toBeGreaterThanOrEqual(190)
    expect(gap).toBeLessThan(1000)
  })
})

describe("timeouts", () => {
  it("fails clearly when Klarna never answers", async () => {
    server.otherwise({ hang: true })
    const started = Date.now()
    const err = await rejection(client({ timeoutMs: 200, maxRetries: 0 }).getOrder("ord-1"))
    expect(Date.now() - started).toBeLessThan(1500)
    expect(err.message).toBe("Klarna could not be reached while trying to read the order: timeout after 200 ms")
    expect(err).toMatchObject({ type: MedusaError.Types.UNEXPECTED_STATE, retryable: true, status: undefined })
  })

  it("retries a timeout with the same key", async () => {
    server.script({ hang: true }, { status: 204 })
    await client({ timeoutMs: 200, maxRetries: 1 }).cancelOrder("ord-1", "cancel-key")
    expect(server.requests.map((r) => r.headers["klarna-idempotency-key"])).toEqual(["cancel-key", "cancel-key"])
  })

  it("reports the attempts when every try times out", async () => {
    server.otherwise({ hang: true })
    const err = await rejection(client({ timeoutMs: 150, maxRetries: 1 }).getOrder("ord-1"))
    expect(server.requests).toHaveLength(2)
    expect(err.message).toBe("Klarna could not be reached while trying to read the order: timeout after 150 ms (2 attempts)")
  })

  it("bounds a response that trickles in forever", async () => {
    server.otherwise({ trickle: 40 })
    const started = Date.now()
    const err = await rejection(client({ timeoutMs: 300, maxRetries: 0 }).getOrder("ord-1"))
    const elapsed = Date.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(250)
    expect(elapsed).toBeLessThan(1500)
    expect(err.message).toMatch(/timeout after 300 ms/)
  })
})
