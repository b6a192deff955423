/**
 * WooCommerce money strings → integer minor units, exactly.
 *
 * WooCommerce sends money as decimal STRINGS. Order and line fields are
 * formatted to the shop's `dp` (usually the currency's decimals), but some
 * fields carry more precision than the currency has (`taxes[].total` such as
 * "25.746429", `fee_lines[].amount`, shops configured with 3–4 decimals).
 *
 * Rule: every field is parsed as an exact decimal and rounded ONCE, on its own,
 * to the currency's minor unit, half away from zero ("25.746429" SEK → 2575,
 * "-0.005" → -1), via `toMinorUnits` (bignumber.js, never floats). Sums and
 * checks are then done on those integers, so a check never depends on how
 * intermediate values were rounded.
 */
import { toMinorUnits } from "../klarna/utils/currency"

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

export class WooMoneyError extends Error {
  constructor(readonly field: string, readonly value: unknown) {
    super(`${field} is not a valid amount (${JSON.stringify(value)})`)
    this.name = "WooMoneyError"
  }
}

/**
 * `value` (string as sent by WooCommerce) → minor units of `currency`.
 * Empty / null / undefined is 0 unless `required`.
 */
export function wooMoneyToMinor(value: string | null | undefined, currency: string, field: string, required = false): number {
  const s = typeof value === "string" ? value.trim() : value
  if (s === undefined || s === null || s === "") {
    if (required) throw new WooMoneyError(field, value ?? null)
    return 0
  }
  if (typeof s !== "string" || !DECIMAL.test(s)) throw new WooMoneyError(field, value)
  return toMinorUnits(s, currency)
}
