/**
 * When and how long to wait before re-sending a Klarna request. Pure functions; the
 * transport wires them into axios-retry.
 */
import type { KlarnaFailure } from "./failure"

export interface RetryTiming {
  baseDelayMs: number
  maxDelayMs: number
}

/** Network errors that mean "try again" (the request may or may not have reached Klarna). */
const TRANSIENT_NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "ERR_SOCKET_CONNECTION_TIMEOUT",
])

/**
 * Retry network errors, timeouts, 5xx, 409 and 429; never another 4xx.
 * Exception: a 409 `BAD_VALUE` from Klarna Payments ("Not matching fields") is a mismatch
 * between the order and what was authorised — repeating it cannot succeed.
 */
export function isRetryableFailure(failure: KlarnaFailure): boolean {
  switch (failure.kind) {
    case "timeout":
      return true
    case "network":
      return failure.code !== undefined && TRANSIENT_NETWORK_CODES.has(failure.code)
    case "http":
      if (failure.status === 409) {
        return failure.errorCode !== "BAD_VALUE"
      }
      return failure.status === 429 || (failure.status >= 500 && failure.status <= 599)
    default:
      return false
  }
}

/**
 * Retry-After as milliseconds: delay-seconds (decimals tolerated, handy for simulators)
 * or an HTTP date. Undefined when absent or unparseable; 0 for a date in the past.
 */
export function parseRetryAfterMs(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) {
    return undefined
  }
  const trimmed = value.trim()
  if (trimmed === "") {
    return undefined
  }
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return Math.round(Number(trimmed) * 1000)
  }
  // HTTP dates always name the month; this keeps V8's lenient Date.parse from reading "-5" as a year.
  const at = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : NaN
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/**
 * Delay before retry number `retry` (1-based). A Retry-After on 429/503 is honoured,
 * capped at 4 × maxDelayMs so a hostile or broken header can't park a request for hours.
 * Otherwise exponential backoff with full jitter: random(0, min(maxDelayMs, baseDelayMs × 2^(retry-1))).
 */
export function retryDelayMs(
  retry: number,
  failure: KlarnaFailure,
  timing: RetryTiming,
  random: () => number = Math.random,
  now: number = Date.now()
): number {
  if (failure.kind === "http" && (failure.status === 429 || failure.status === 503)) {
    const retryAfter = parseRetryAfterMs(failure.retryAfter, now)
    if (retryAfter !== undefined) {
      return Math.min(retryAfter, timing.maxDelayMs * 4)
    }
  }
  const ceiling = Math.min(timing.maxDelayMs, timing.baseDelayMs * 2 ** Math.max(0, retry - 1))
  return Math.floor(random() * ceiling)
}
