/**
 * When and how long to wait before re-sending a Klarna request. Pure functions; the
 * transport wires them into axios-retry.
 */
import { backoffDelayMs, parseRetryAfterMs } from "../../lib/retry/backoff"
import type { KlarnaFailure } from "./failure"

export { parseRetryAfterMs }

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
    const retryAfter = parseRetryAfterMs(failure.retryAfter, now, timing.maxDelayMs * 4)
    if (retryAfter !== undefined) {
      return retryAfter
    }
  }
  return backoffDelayMs(retry, { baseMs: timing.baseDelayMs, maxMs: timing.maxDelayMs, jitter: "full", random })
}
