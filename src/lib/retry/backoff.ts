/**
 * Exponential backoff and `Retry-After` parsing for every retry loop in the
 * plugin (the Klarna HTTP client, the WooCommerce reader, the automatic-action
 * retry job). Pure: the clock and the random source are parameters.
 */

/**
 * How the delay is spread around the exponential step d:
 * - "none": exactly d;
 * - "full": floor(random × d), in [0, d);
 * - "equal": round(d/2 + random × d/2), in [d/2, d];
 * - `{ above: r }`: round(d + random × r × d), in [d, d × (1 + r)].
 */
export type Jitter = "none" | "full" | "equal" | { above: number }

export interface BackoffOptions {
  baseMs: number
  maxMs: number
  /** Default "none". */
  jitter?: Jitter
  /** A value in [0, 1); default Math.random. */
  random?: () => number
}

/** The exponential step for attempt `attempt` (1-based; below 1 counts as 1): min(maxMs, baseMs × 2^(attempt−1)). */
export function backoffStepMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1))
}

/** Delay before attempt `attempt` (1-based): the exponential step with the chosen jitter. */
export function backoffDelayMs(attempt: number, opts: BackoffOptions): number {
  const d = backoffStepMs(attempt, opts.baseMs, opts.maxMs)
  const jitter = opts.jitter ?? "none"
  if (jitter === "none") {
    return d
  }
  const r = (opts.random ?? Math.random)()
  if (jitter === "full") {
    return Math.floor(r * d)
  }
  if (jitter === "equal") {
    return Math.round(d / 2 + (d / 2) * r)
  }
  return Math.round(d + d * jitter.above * r)
}

/**
 * A `Retry-After` value as milliseconds: delay-seconds (decimals tolerated,
 * handy for simulators) or an HTTP date (0 when already past), at most `capMs`.
 * Undefined when absent or unparseable. A header array uses its first value; a
 * number counts as seconds.
 */
export function parseRetryAfterMs(value: unknown, now: number = Date.now(), capMs: number = Infinity): number | undefined {
  const v = Array.isArray(value) ? value[0] : value
  if (typeof v !== "string" && typeof v !== "number") {
    return undefined
  }
  const s = String(v).trim()
  let ms: number
  if (/^\d+(\.\d+)?$/.test(s)) {
    ms = Math.round(Number(s) * 1000)
  } else {
    // HTTP dates always name the month; this keeps V8's lenient Date.parse from reading "-5" as a year.
    const at = /[a-z]/i.test(s) ? Date.parse(s) : NaN
    if (Number.isNaN(at)) {
      return undefined
    }
    ms = Math.max(0, at - now)
  }
  return Math.min(ms, capMs)
}
