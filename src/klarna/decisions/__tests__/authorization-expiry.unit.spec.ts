import { DAY_MS, daysUntil, decideAuthorizationExpiry, expiryDay, maxExpiresAt } from "../authorization-expiry"

const NOW = Date.parse("2026-06-01T12:00:00.000Z")
const at = (days: number) => new Date(NOW + days * DAY_MS).toISOString()
const policy = { now: NOW, extend_days: 3, warning_days: 7 }
const decide = (facts: Partial<Parameters<typeof decideAuthorizationExpiry>[0]>, p: Partial<typeof policy> = {}) =>
  decideAuthorizationExpiry({ created_at: at(-25), expires_at: at(3), status: "AUTHORIZED", remaining_authorized_amount: 5000, ...facts }, { ...policy, ...p })

describe("authorization expiry decision", () => {
  it("extends exactly N days before expiry, waits one second earlier", () => {
    expect(decide({ expires_at: at(3) })).toEqual({ kind: "extend", expires_at: at(3), max_expires_at: at(155) })
    expect(decide({ expires_at: new Date(NOW + 3 * DAY_MS + 1000).toISOString() })).toMatchObject({ kind: "wait", extend_from: new Date(NOW + 1000).toISOString() })
  })

  it("waits for a reservation far from expiry and says from when it is extended", () => {
    expect(decide({ expires_at: at(20) })).toEqual({ kind: "wait", expires_at: at(20), extend_from: at(17), max_expires_at: at(155) })
  })

  it("allows the extension that lands exactly on created_at + 180 days, not one a millisecond past", () => {
    // now + 28 days == created_at + 180 days
    expect(decide({ created_at: at(-152), expires_at: at(2) })).toMatchObject({ kind: "extend", max_expires_at: at(28) })
    expect(decide({ created_at: new Date(NOW - 152 * DAY_MS - 1).toISOString(), expires_at: at(2) })).toMatchObject({ kind: "cannot_extend", reason: "cap", warn: true })
  })

  it("warns about a capped reservation only within M days", () => {
    expect(decide({ created_at: at(-170), expires_at: at(7) })).toMatchObject({ kind: "cannot_extend", reason: "cap", warn: true, max_expires_at: at(10) })
    expect(decide({ created_at: at(-170), expires_at: new Date(NOW + 7 * DAY_MS + 1).toISOString() })).toMatchObject({ kind: "cannot_extend", warn: false })
  })

  it("a refusal by Klarna means it cannot be extended", () => {
    expect(decide({ refused: true, expires_at: at(2) })).toMatchObject({ kind: "cannot_extend", reason: "refused", warn: true })
  })

  it("an expiry in the past, exactly now, or Klarna's EXPIRED status is expired", () => {
    expect(decide({ expires_at: at(-1) })).toEqual({ kind: "expired", expires_at: at(-1) })
    expect(decide({ expires_at: at(0) })).toMatchObject({ kind: "expired" })
    expect(decide({ status: "EXPIRED", expires_at: at(5) })).toMatchObject({ kind: "expired" })
  })

  it("a fully captured or cancelled order has nothing to extend, expired or not", () => {
    expect(decide({ status: "CAPTURED", expires_at: at(-1) })).toEqual({ kind: "nothing", reason: "captured" })
    expect(decide({ status: "PART_CAPTURED", remaining_authorized_amount: 0 })).toEqual({ kind: "nothing", reason: "captured" })
    expect(decide({ status: "CANCELLED" })).toEqual({ kind: "nothing", reason: "cancelled" })
    expect(decide({ expires_at: null })).toEqual({ kind: "nothing", reason: "unknown" })
  })

  it("without Klarna's creation date the cap is unknown and the reservation is extended", () => {
    expect(decide({ created_at: null, expires_at: at(1) })).toEqual({ kind: "extend", expires_at: at(1), max_expires_at: null })
  })

  it("helpers: cap, days left, expiry day", () => {
    expect(maxExpiresAt("2026-01-01T00:00:00.000Z")).toBe("2026-06-30T00:00:00.000Z")
    expect(maxExpiresAt(undefined)).toBeNull()
    expect(daysUntil(at(2.5), NOW)).toBe(3)
    expect(daysUntil(at(-1), NOW)).toBe(0)
    expect(expiryDay("2026-06-04T23:59:00.000Z")).toBe("2026-06-04")
  })
})
