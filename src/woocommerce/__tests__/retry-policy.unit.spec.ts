import fc from "fast-check"
import { isRetryableNetworkCode, isRetryableStatus, parseRetryAfter, retryDelay } from ".."

describe("retry policy", () => {
  it("retries 429 and 5xx only", () => {
    for (const s of [429, 500, 502, 503, 504, 599]) expect(isRetryableStatus(s)).toBe(true)
    for (const s of [200, 301, 400, 401, 403, 404, 409, 422]) expect(isRetryableStatus(s)).toBe(false)
    expect(isRetryableNetworkCode("ECONNRESET")).toBe(true)
    expect(isRetryableNetworkCode("ENOTFOUND")).toBe(false)
  })

  it("parses Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("3")).toBe(3000)
    expect(parseRetryAfter(["2"])).toBe(2000)
    const now = Date.parse("2025-01-01T00:00:00Z")
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:10 GMT", now)).toBe(10000)
    expect(parseRetryAfter("Tue, 31 Dec 2024 23:00:00 GMT", now)).toBe(0)
    expect(parseRetryAfter("soon")).toBeUndefined()
    expect(parseRetryAfter(undefined)).toBeUndefined()
  })

  it("exponential backoff with jitter in [d/2, d], capped", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (retry, rnd) => {
        const d = Math.min(10_000, 500 * 2 ** (retry - 1))
        const v = retryDelay(retry, { baseMs: 500, maxMs: 10_000, random: () => rnd })
        return v >= Math.floor(d / 2) && v <= d
      })
    )
  })

  it("Retry-After is a floor (plus ≤ 10 % jitter, at most 1 s)", () => {
    expect(retryDelay(1, { baseMs: 500, maxMs: 60_000, retryAfterMs: 2000, random: () => 0 })).toBe(2000)
    expect(retryDelay(1, { baseMs: 500, maxMs: 60_000, retryAfterMs: 2000, random: () => 0.99 })).toBeLessThanOrEqual(2200)
    expect(retryDelay(1, { baseMs: 500, maxMs: 60_000, retryAfterMs: 30_000, random: () => 1 })).toBe(31_000)
  })
})
