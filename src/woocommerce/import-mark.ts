/**
 * The "modified since" mark of incremental imports. A run reads the orders
 * WooCommerce modified after the mark it started from; the next run starts
 * from the latest order this run settled, but never past an order that failed
 * (so every later run retries it until it imports or the merchant excludes it)
 * and never backwards.
 */
export type ImportMarkState = {
  /** The mark this run read from (exclusive), null = the whole shop. */
  started_from: Date | null
  /** Latest modification date of an order this run settled. */
  high_water: Date | null
  /** Earliest modification date of an order that failed. */
  failure_mark: Date | null
  /** An order failed without a readable modification date. */
  failure_without_date: boolean
  /** The run read everything it was asked for (no limit stopped it). */
  complete: boolean
}

/** WooCommerce's `modified_after` is exclusive and in whole seconds: one second before a failure re-reads it. */
const SECOND = 1000

export function nextImportMark(s: ImportMarkState): Date | null {
  if (!s.complete || s.failure_without_date) {
    return s.started_from
  }
  let mark = s.high_water
  if (s.failure_mark) {
    const beforeFailure = new Date(Math.floor(s.failure_mark.getTime() / SECOND) * SECOND - SECOND)
    if (!mark || beforeFailure < mark) {
      mark = beforeFailure
    }
  }
  return later(mark, s.started_from)
}

/** The later of two marks (null = none). */
export function later(a: Date | null, b: Date | null): Date | null {
  if (!a) return b
  if (!b) return a
  return a > b ? a : b
}

/** The earlier of two dates (null = none). */
export function earlier(a: Date | null, b: Date | null): Date | null {
  if (!a) return b
  if (!b) return a
  return a < b ? a : b
}

/** WooCommerce's GMT modification date ("2026-03-01T10:00:00", no zone) as a Date, or null. */
export function wooModifiedDate(gmt: unknown): Date | null {
  if (typeof gmt !== "string" || !gmt) return null
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(gmt) ? gmt : `${gmt}Z`)
  return Number.isNaN(d.getTime()) ? null : d
}
