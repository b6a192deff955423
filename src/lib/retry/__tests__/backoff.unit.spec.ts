import fc from "fast-check"
import { backoffDelayMs, backoffStepMs, parseRetryAfterMs } from "../backoff"

describe("backoffStepMs", () => {
  it("doubles from the base per attempt, capped, attempt < 1 counting as 1", () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffStepMs(n, 100, 1000))).toEqual([100, 100, 200, 400, 800, 1000])
    expect(backoffStepMs(60, 100, 1000)).toBe(1000)
  })
})

describe("backoffDelayMs", () => {
  const opts = { baseMs: 100, maxMs: 1000 }

  it("without jitter is the step, and never calls random", () => {
    const random = jest.fn(() => 0.5)
    expect(backoffDelayMs(3, { ...opts, random })).toBe(400)
    expect(backoffDelayMs(3, { ...opts, jitter: "none", random })).toBe(400)
    expect(random).not.toHaveBeenCalled()
  })

  it("full jitter: floor(random × step)", () => {
    expect(backoffDelayMs(1, { ...opts, jitter: "full", random: () => 0.999 })).toBe(99)
    expect(backoffDelayMs(3, { ...opts, jitter: "full", random: () => 0.5 })).toBe(200)
    expect(backoffDelayMs(3, { ...opts, jitter: "full", random: () => 0 })).toBe(0)
  })

  it("equal jitter: round(step/2 + random × step/2)", () => {
    expect(backoffDelayMs(3, { ...opts, jitter: "equal", random: () => 0 })).toBe(200)
    expect(backoffDelayMs(3, { ...opts, jitter: "equal", random: () => 0.5 })).toBe(300)
    expect(backoffDelayMs(3, { ...opts, jitter: "equal", random: () => 0.999 })).toBe(400)
  })

  it("jitter above: round(step + random × r × step)", () => {
    expect(backoffDelayMs(3, { ...opts, jitter: { above: 0.2 }, random: () => 0 })).toBe(400)
    expect(backoffDelayMs(3, { ...opts, jitter: { above: 0.2 }, random: () => 0.5 })).toBe(440)
    expect(backoffDelayMs(9, { ...opts, jitter: { above: 0.2 }, random: () => 0.999 })).toBe(1200)
  })

  it("stays within each jitter's range", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (n, rnd) => {
        const d = backoffStepMs(n, 100, 1000)
        const random = () => rnd
        const full = backoffDelayMs(n, { ...opts, jitter: "full", random })
        const equal = backoffDelayMs(n, { ...opts, jitter: "equal", random })
        const above = backoffDelayMs(n, { ...opts, jitter: { above: 0.2 }, random })
        return full >= 0 && full < d && equal >= d / 2 && equal <= d && above >= d && above <= d * 1.2
      })
    )
  })
})

describe("parseRetryAfterMs", () => {
  const now = Date.parse("2025-03-01T12:00:00.000Z")

  it("reads delay-seconds (decimals too), also as a number or the first of a header array", () => {
    expect(parseRetryAfterMs("3", now)).toBe(3000)
    expect(parseRetryAfterMs(" 0.25 ", now)).toBe(250)
    expect(parseRetryAfterMs(2, now)).toBe(2000)
    expect(parseRetryAfterMs(["2", "9"], now)).toBe(2000)
  })

  it("reads HTTP dates, 0 when already past", () => {
    expect(parseRetryAfterMs("Sat, 01 Mar 2025 12:00:05 GMT", now)).toBe(5000)
    expect(parseRetryAfterMs("Sat, 01 Mar 2025 11:59:00 GMT", now)).toBe(0)
  })

  it("caps the result", () => {
    expect(parseRetryAfterMs("3600", now, 4000)).toBe(4000)
    expect(parseRetryAfterMs("Sat, 01 Mar 2025 13:00:00 GMT", now, 4000)).toBe(4000)
    expect(parseRetryAfterMs("3", now, 4000)).toBe(3000)
  })

  it("ignores missing or garbage values", () => {
    for (const v of [undefined, null, "", "   ", "soon", "-5", "1/2/2025", {}, []]) {
      expect(parseRetryAfterMs(v, now)).toBeUndefined()
    }
  })
})
