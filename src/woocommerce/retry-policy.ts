/**
 * Retry policy for WooCommerce reads: network errors, timeouts, 429 and 5xx are
 * retried with exponential backoff and jitter, honouring `Retry-After`; every
 * other 4xx is final (retrying a 401/403/404/400 only hammers the shop).
 */
import { backoffDelayMs, parseRetryAfterMs } from "../lib/retry/backoff"

/** HTTP statuses worth retrying. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599)
}

/** Network-level failures worth retrying (no HTTP answer, or the connection broke). */
const RETRYABLE_NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "ETIMEDOUT",
  "ESOCKETTIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "ERR_NETWORK",
  "ERR_SOCKET_CONNECTION_TIMEOUT",
  "UND_ERR_SOCKET",
])

export function isRetryableNetworkCode(code: string | undefined): boolean {
  return !!code && RETRYABLE_NETWORK_CODES.has(code)
}

/** `Retry-After` header → milliseconds (delta-seconds or an HTTP date), or undefined when absent/unparseable. */
export { parseRetryAfterMs as parseRetryAfter }

/**
 * Delay before retry number `retry` (1-based): base × 2^(retry−1), capped at
 * `maxMs`, with "equal jitter" (uniform in [d/2, d]). With a Retry-After the
 * server's value is the floor, plus up to 10 % jitter (max 1 s) so that parallel
 * workers do not all come back at the same instant.
 */
export function retryDelay(
  retry: number,
  opts: { baseMs: number; maxMs: number; retryAfterMs?: number; random?: () => number }
): number {
  const random = opts.random ?? Math.random
  if (opts.retryAfterMs !== undefined) {
    return opts.retryAfterMs + Math.round(Math.min(1000, opts.retryAfterMs * 0.1) * random())
  }
  return backoffDelayMs(retry, { baseMs: opts.baseMs, maxMs: opts.maxMs, jitter: "equal", random })
}
