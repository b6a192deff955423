export const DAY_MS = 86_400_000
/** Klarna extends an order's authorization until at most this many days after the order was created. */
export const KLARNA_MAX_AUTHORIZATION_DAYS = 180
/**
 * Klarna's default authorization window. An extension sets `expires_at = now + window`, where the window
 * is configured on the merchant's Klarna account and not readable through the API; 28 is Klarna's default.
 */
export const KLARNA_DEFAULT_AUTHORIZATION_DAYS = 28

export interface AuthorizationFacts {
  /** When Klarna created the order (the 180-day cap counts from here); null when not known yet. */
  created_at: string | null | undefined
  expires_at: string | null | undefined
  /** Klarna's order status, as last read. */
  status?: string | null
  /** What is still authorized and not captured, in minor units. */
  remaining_authorized_amount?: number | null
  /** Klarna refused to extend this expiry (403). */
  refused?: boolean
}

export interface ExpiryPolicy {
  now: number | Date
  /** N: extend this many days before the authorization expires. */
  extend_days: number
  /** M: warn about a reservation that expires within this many days and cannot be extended. */
  warning_days: number
  authorization_days?: number
  max_days?: number
}

export type ExpiryDecision =
  /** Nothing to extend: fully captured, cancelled, or no expiry known. */
  | { kind: "nothing"; reason: "captured" | "cancelled" | "unknown" }
  | { kind: "expired"; expires_at: string }
  | { kind: "extend"; expires_at: string; max_expires_at: string | null }
  /** Not due yet: extended from `extend_from` on. */
  | { kind: "wait"; expires_at: string; extend_from: string; max_expires_at: string | null }
  /** `warn`: it expires within M days, so the merchant is told now. */
  | { kind: "cannot_extend"; reason: "cap" | "refused"; expires_at: string; max_expires_at: string | null; warn: boolean }

const ms = (t: number | Date) => (typeof t === "number" ? t : t.getTime())
const iso = (t: number) => new Date(t).toISOString()

/** The latest expiry Klarna allows for an order created at `createdAt`. */
export function maxExpiresAt(createdAt: string | null | undefined, maxDays = KLARNA_MAX_AUTHORIZATION_DAYS): string | null {
  const created = createdAt ? Date.parse(createdAt) : NaN
  return Number.isFinite(created) ? iso(created + maxDays * DAY_MS) : null
}

/**
 * What to do about a Klarna reservation before it expires. An extension moves
 * `expires_at` to now + the authorization window, and Klarna refuses one that
 * would end past created_at + 180 days (not partially granted), so the last
 * extension is the one whose new expiry still fits; exactly on the cap is allowed.
 */
export function decideAuthorizationExpiry(facts: AuthorizationFacts, policy: ExpiryPolicy): ExpiryDecision {
  const now = ms(policy.now)
  const status = facts.status ?? null
  if (status === "CANCELLED") return { kind: "nothing", reason: "cancelled" }
  if (status === "CAPTURED" || status === "CLOSED" || (facts.remaining_authorized_amount != null && facts.remaining_authorized_amount <= 0)) {
    return { kind: "nothing", reason: "captured" }
  }
  const expires = facts.expires_at ? Date.parse(facts.expires_at) : NaN
  if (!Number.isFinite(expires)) return { kind: "nothing", reason: "unknown" }
  const expires_at = iso(expires)
  if (status === "EXPIRED" || expires <= now) return { kind: "expired", expires_at }
  const max_expires_at = maxExpiresAt(facts.created_at, policy.max_days)
  const window = (policy.authorization_days ?? KLARNA_DEFAULT_AUTHORIZATION_DAYS) * DAY_MS
  const capReached = max_expires_at !== null && now + window > Date.parse(max_expires_at)
  const left = expires - now
  if (facts.refused || capReached) {
    return { kind: "cannot_extend", reason: facts.refused ? "refused" : "cap", expires_at, max_expires_at, warn: left <= policy.warning_days * DAY_MS }
  }
  if (left <= policy.extend_days * DAY_MS) return { kind: "extend", expires_at, max_expires_at }
  return { kind: "wait", expires_at, extend_from: iso(expires - policy.extend_days * DAY_MS), max_expires_at }
}

/** Whether the reservation expires within `days` of `now` (already expired included). */
export const expiresWithin = (expiresAt: string | null | undefined, days: number, now: number | Date) =>
  !!expiresAt && Number.isFinite(Date.parse(expiresAt)) && Date.parse(expiresAt) - ms(now) <= days * DAY_MS

/** Whole days from `now` until `at`, rounded up (0 once passed). */
export const daysUntil = (at: string, now: number | Date) => Math.max(0, Math.ceil((Date.parse(at) - ms(now)) / DAY_MS))

/** The calendar day (UTC) of a timestamp: how a merchant names an expiry, and how keys name one expiry. */
export const expiryDay = (at: string) => new Date(at).toISOString().slice(0, 10)

/** What the admin shows about a reservation's expiry. */
export type AuthorizationSummary = {
  state: "active" | "cannot_extend" | "expired" | "none"
  expires_at: string | null
  /** created_at + 180 days: Klarna extends no further. */
  max_expires_at: string | null
  days_left: number | null
  extend_days_before_expiry: number
  /** The automation extends this order (its method's toggle on, the order not left alone). */
  auto_extend: boolean
}

export function summarizeAuthorization(facts: AuthorizationFacts, policy: ExpiryPolicy, autoExtend: boolean): AuthorizationSummary {
  const decision = decideAuthorizationExpiry(facts, policy)
  const expires_at = decision.kind === "nothing" ? facts.expires_at ?? null : decision.expires_at
  const state = decision.kind === "nothing" ? "none" : decision.kind === "expired" ? "expired" : decision.kind === "cannot_extend" ? "cannot_extend" : "active"
  return {
    state,
    expires_at,
    max_expires_at: maxExpiresAt(facts.created_at, policy.max_days),
    days_left: expires_at && state !== "none" ? daysUntil(expires_at, policy.now) : null,
    extend_days_before_expiry: policy.extend_days,
    auto_extend: autoExtend,
  }
}
