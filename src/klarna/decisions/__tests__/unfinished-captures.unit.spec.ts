import { unfinishedCaptures } from "../unfinished-captures"

const now = new Date("2026-12-07T10:00:00Z")
const row = (id: string, secondsAgo: number) => ({ id, created_at: new Date(now.getTime() - secondsAgo * 1000).toISOString() })

describe("unfinishedCaptures", () => {
  const base = { now, unfinishedAfterMs: 60_000 }

  it("leaves alone rows Medusa finished (their order transaction exists), however old", () => {
    const out = unfinishedCaptures({ ...base, rows: [row("a", 3600), row("b", 5)], answered: new Set(["a", "b"]), recorded: new Set(["a", "b"]) })
    expect(out).toEqual({ abandoned: [], unrecorded: [], recheck_at: null })
  })

  it("calls a row without Klarna's answer abandoned only once no live capture can still be waiting for it", () => {
    const out = unfinishedCaptures({ ...base, rows: [row("old", 61), row("young", 20)], answered: new Set(), recorded: new Set() })
    expect(out.abandoned.map((r) => r.id)).toEqual(["old"])
    expect(out.unrecorded).toEqual([])
    expect(out.recheck_at?.toISOString()).toBe(new Date(now.getTime() + 40_000).toISOString())
  })

  it("tells an answered row that lacks only its order transaction from an abandoned one", () => {
    const out = unfinishedCaptures({ ...base, rows: [row("answered", 120), row("lost", 120)], answered: new Set(["answered"]), recorded: new Set() })
    expect(out.unrecorded.map((r) => r.id)).toEqual(["answered"])
    expect(out.abandoned.map((r) => r.id)).toEqual(["lost"])
  })

  it("rechecks at the earliest young row", () => {
    const out = unfinishedCaptures({ ...base, rows: [row("x", 10), row("y", 30)], answered: new Set(), recorded: new Set() })
    expect(out.recheck_at?.toISOString()).toBe(new Date(now.getTime() + 30_000).toISOString())
  })
})
