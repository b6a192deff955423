import type { KlarnaFailure } from "../failure"
import { isRetryableFailure, parseRetryAfterMs, retryDelayMs } from "../retry-policy"

const http = (status: number, extra: Partial<Extract<KlarnaFailure, { kind: "http" }>> = {}): KlarnaFailure => ({
  kind: "http",
  status,
  errorMessages: [],
  ...extra,
})
const timing = { baseDelayMs: 100, maxDelayMs: 1000 }

describe("isRetryableFailure", () => {
  it.each([500, 502, 503, 504, 409, 429])("retries HTTP %i", (status) => {
    expect(isRetryableFailure(http(status))).toBe(true)
  })
  it.each([400, 401, 403, 404, 413, 422])("does not retry HTTP %i", (status) => {
    expect(isRetryableFailure(http(status))).toBe(false)
  })
  it("does not retry a Klarna Payments 409 BAD_VALUE (body doesn't match the authorization)", () => {
    expect(isRetryableFailure(http(409, { errorCode: "BAD_VALUE" }))).toBe(false)
    expect(isRetryableFailure(http(409, { errorCode: "CONFLICT" }))).toBe(true)
  })
  it("retries timeouts and transient network errors only", () => {
    expect(isRetryableFailure({ kind: "timeout" })).toBe(true)
    expect(isRetryableFailure({ kind: "network", code: "ECONNRESET" })).toBe(true)
    expect(isRetryableFailure({ kind: "network", code: "ECONNREFUSED" })).toBe(true)
    expect(isRetryableFailure({ kind: "network", code: "ENOTFOUND" })).toBe(false)
    expect(isRetryableFailure({ kind: "network", code: "CERT_HAS_EXPIRED" })).toBe(false)
    expect(isRetryableFailure({ kind: "canceled" })).toBe(false)
    expect(isRetryableFailure({ kind: "unknown" })).toBe(false)
  })
})

describe("parseRetryAfterMs", () => {
  const now = Date.parse("2025-03-01T12:00:00.000Z")
  it("reads delay-seconds and HTTP dates", () => {
    expect(parseRetryAfterMs("3", now)).toBe(3000)
    expect(parseRetryAfterMs("0", now)).toBe(0)
    expect(parseRetryAfterMs("0.25", now)).toBe(250)
    expect(parseRetryAfterMs("Sat, 01 Mar 2025 12:00:05 GMT", now)).toBe(5000)
    expect(parseRetryAfterMs("Sat, 01 Mar 2025 11:59:00 GMT", now)).toBe(0)
  })
  it("ignores missing or garbage values", () => {
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined()
    expect(parseRetryAfterMs("", now)).toBeUndefined()
    expect(parseRetryAfterMs("soon", now)).toBeUndefined()
    expect(parseRetryAfterMs("-5", now)).toBeUndefined()
  })
})

describe("retryDelayMs", () => {
  it("uses full jitter under an exponential ceiling capped at maxDelayMs", () => {
    expect(retryDelayMs(1, http(500), timing, () => 0.999)).toBe(99)
    expect(retryDelayMs(2, http(500), timing, () => 0.999)).toBe(199)
    expect(retryDelayMs(3, http(500), timing, () => 0.5)).toBe(200)
    expect(retryDelayMs(10, http(500), timing, () => 0.999)).toBe(999)
    expect(retryDelayMs(3, { kind: "timeout" }, timing, () => 0)).toBe(0)
    for (let i = 0; i < 50; i++) {
      const d = retryDelayMs(4, http(502), timing)
      expect(d).toBeGreaterThanOrEqual(0)
      expect(d).toBeLessThan(800)
    }
  })

  it("honours Retry-After on 429 and 503, capped at 4 x maxDelayMs", () => {
    const now = Date.parse("2025-03-01T12:00:00.000Z")
    expect(retryDelayMs(1, http(429, { retryAfter: "2" }), timing, () => 0, now)).toBe(2000)
    expect(retryDelayMs(1, http(503, { retryAfter: "Sat, 01 Mar 2025 12:00:03 GMT" }), timing, () => 0, now)).toBe(3000)
    expect(retryDelayMs(1, http(429, { retryAfter: "3600" }), timing, () => 0, now)).toBe(4000)
  })

  it("ignores Retry-After on other statuses", () => {
    expect(retryDelayMs(1, http(500, { retryAfter: "30" }), timing, () => 0.5)).toBe(50)
  })
})
