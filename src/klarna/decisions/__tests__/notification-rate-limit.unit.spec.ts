import { NotificationRateLimiter } from "../notification-rate-limit"

function limiter(limits = { perOrderIntervalMs: 10_000, perMinute: 3 }) {
  let now = 1_000_000
  const l = new NotificationRateLimiter(limits, () => now)
  return { l, advance: (ms: number) => (now += ms) }
}

describe("NotificationRateLimiter", () => {
  it("lets one notification per order through per interval, and says when to retry", () => {
    const { l, advance } = limiter()
    expect(l.admit("a")).toEqual({ admitted: true })
    advance(4_000)
    expect(l.admit("a")).toEqual({ admitted: false, retry_after_ms: 6_000 })
    advance(6_000)
    expect(l.admit("a")).toEqual({ admitted: true })
  })

  it("caps all orders together per minute", () => {
    const { l, advance } = limiter()
    expect(["a", "b", "c", "d"].map((id) => l.admit(id).admitted)).toEqual([true, true, true, false])
    advance(30_000)
    expect(l.admit("e")).toEqual({ admitted: false, retry_after_ms: 30_000 })
    advance(30_000)
    expect(l.admit("e")).toEqual({ admitted: true })
  })

  it("a burst of 50 for one order lets one through", () => {
    const { l } = limiter({ perOrderIntervalMs: 10_000, perMinute: 60 })
    expect(Array.from({ length: 50 }, () => l.admit("a")).filter((r) => r.admitted)).toHaveLength(1)
  })

  it("forgets orders whose interval is over, so memory stays bounded", () => {
    const { l, advance } = limiter({ perOrderIntervalMs: 1_000, perMinute: 1_000_000 })
    for (let i = 0; i < 10_000; i++) {
      l.admit(`order-${i}`)
      advance(1)
    }
    expect((l as any).lastByOrder.size).toBeLessThanOrEqual(1_000)
  })
})
