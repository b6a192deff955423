/**
 * Money helpers for the Klarna provider.
 *
 * Medusa stores amounts in MAJOR units (49.99) as numbers, decimal strings,
 * `BigNumber` instances or raw objects (`{ value: "49.99", precision: 20 }`).
 * Klarna wants integer MINOR units (4999). Every conversion here is done with
 * exact decimal arithmetic (bignumber.js through Medusa's `MathBN`), never by
 * multiplying floats.
 */
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/** bignumber.js instance, as returned by `MathBN`. */
export type Decimal = ReturnType<typeof MathBN.convert>

/** bignumber.js rounding modes (numeric values of `BigNumber.ROUND_*`). */
export const ROUND_UP = 0 as const
export const ROUND_DOWN = 1 as const
export const ROUND_CEIL = 2 as const
export const ROUND_FLOOR = 3 as const
/** Half away from zero (bignumber.js calls it ROUND_HALF_UP). */
export const ROUND_HALF_UP = 4 as const

/**
 * Codes where ICU/CLDR (what `Intl` reports) disagrees with ISO 4217. ICU
 * reports the CLDR "digits", which for these currencies is 0 although ISO 4217
 * (what Klarna's "minor units" refer to) defines 2 (IQD: 3). The ICU value has
 * also changed between ICU releases (e.g. HUF), so pin the ISO value here rather
 * than let a Node upgrade silently change an amount by a factor of 100.
 */
const ISO_4217_OVERRIDES: Readonly<Record<string, number>> = {
  AFN: 2,
  ALL: 2,
  COP: 2,
  HUF: 2,
  IDR: 2,
  IQD: 3,
  IRR: 2,
  KPW: 2,
  LAK: 2,
  LBP: 2,
  MGA: 2,
  MMK: 2,
  PKR: 2,
  SLL: 2,
  SOS: 2,
  SYP: 2,
  YER: 2,
}

const exponentCache = new Map<string, number>()

let supportedCurrencies: Set<string> | null | undefined
function knownCurrencies(): Set<string> | null {
  if (supportedCurrencies === undefined) {
    const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] }
    try {
      supportedCurrencies = typeof intl.supportedValuesOf === "function" ? new Set(intl.supportedValuesOf("currency")) : null
    } catch {
      supportedCurrencies = null
    }
  }
  return supportedCurrencies
}

function unknownCurrency(currencyCode: unknown): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown currency code ${JSON.stringify(currencyCode)}`)
}

/** Upper-cased, validated ISO 4217 code. */
export function normalizeCurrency(currencyCode: string): string {
  if (typeof currencyCode !== "string") {
    throw unknownCurrency(currencyCode)
  }
  const code = currencyCode.trim().toUpperCase()
  if (!/^[A-Z]{3}$/.test(code)) {
    throw unknownCurrency(currencyCode)
  }
  return code
}

/**
 * Number of minor-unit digits of an ISO 4217 currency (SEK 2, JPY 0, KWD 3),
 * case-insensitive. Unknown or malformed codes throw INVALID_DATA.
 */
export function currencyExponent(currencyCode: string): number {
  const code = normalizeCurrency(currencyCode)
  const cached = exponentCache.get(code)
  if (cached !== undefined) {
    return cached
  }
  const known = knownCurrencies()
  if (known && !known.has(code)) {
    throw unknownCurrency(currencyCode)
  }
  let digits: number
  try {
    digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    throw unknownCurrency(currencyCode)
  }
  if (Object.prototype.hasOwnProperty.call(ISO_4217_OVERRIDES, code)) {
    digits = ISO_4217_OVERRIDES[code]
  }
  exponentCache.set(code, digits)
  return digits
}

function invalidAmount(amount: unknown, why: string): MedusaError {
  let shown: string
  try {
    shown = typeof amount === "object" && amount !== null ? JSON.stringify(amount) : String(amount)
  } catch {
    shown = String(amount)
  }
  return new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid amount ${shown}: ${why}`)
}

/**
 * Normalises any Medusa money input to an exact decimal. Throws INVALID_DATA
 * for null/undefined, empty strings, NaN and infinities.
 */
export function toDecimal(amount: BigNumberInput): Decimal {
  if (amount === null || amount === undefined) {
    throw invalidAmount(amount, "an amount is required")
  }
  if (typeof amount === "string" && amount.trim() === "") {
    throw invalidAmount(amount, "an amount is required")
  }
  let dec: Decimal
  try {
    let input: unknown = amount
    if (typeof amount === "string") {
      input = amount.trim()
    } else if (typeof amount === "object") {
      // Medusa BigNumber from another copy of @medusajs/utils (instanceof fails):
      // prefer its exact raw value over the lossy `numeric`.
      const obj = amount as { value?: unknown; raw?: { value?: unknown }; bigNumber?: unknown; numeric?: unknown }
      if (obj.value === undefined && obj.raw && obj.raw.value !== undefined && obj.raw.value !== null) {
        input = { value: obj.raw.value }
      } else if (obj.value === undefined && obj.bigNumber === undefined && typeof obj.numeric === "number") {
        input = obj.numeric
      }
    }
    dec = MathBN.convert(input as BigNumberInput)
  } catch {
    throw invalidAmount(amount, "not a number")
  }
  if (!dec || typeof dec.isFinite !== "function" || !dec.isFinite()) {
    throw invalidAmount(amount, "not a finite number")
  }
  return dec
}

/** Converts an exact integer decimal to a JS number, refusing anything outside the safe-integer range. */
export function decimalToSafeInteger(dec: Decimal, original: unknown = dec): number {
  if (!dec.isInteger()) {
    throw invalidAmount(original, "not an integer")
  }
  const n = dec.toNumber()
  if (!Number.isSafeInteger(n)) {
    throw invalidAmount(original, "outside the safe integer range")
  }
  return n === 0 ? 0 : n // no -0
}

/**
 * Major units → integer minor units for the currency, rounded half away from
 * zero to the currency's precision ("1.005" SEK → 101, 1500 JPY → 1500).
 */
export function toMinorUnits(amount: BigNumberInput, currencyCode: string): number {
  const exp = currencyExponent(currencyCode)
  const dec = toDecimal(amount)
  return decimalToSafeInteger(dec.shiftedBy(exp).decimalPlaces(0, ROUND_HALF_UP), amount)
}

/** A Medusa row with money: `raw_amount` (exact, when selected) or `amount`, in major units. */
export interface MedusaAmountRow {
  raw_amount?: BigNumberInput | null
  amount?: BigNumberInput | null
}

/**
 * A row's `raw_amount ?? amount` in minor units. A row with neither throws
 * INVALID_DATA, unless `missingAsZero` counts it as 0.
 */
export function rowMinorUnits(row: MedusaAmountRow, currencyCode: string, opts: { missingAsZero?: boolean } = {}): number {
  const amount = row.raw_amount ?? row.amount
  return toMinorUnits((amount ?? (opts.missingAsZero ? 0 : amount)) as BigNumberInput, currencyCode)
}

/** Sum of the rows' amounts (payments' captures, refunds…) in minor units; 0 for none. */
export function sumMinor(
  rows: readonly MedusaAmountRow[] | null | undefined,
  currencyCode: string,
  opts: { missingAsZero?: boolean } = {}
): number {
  return (rows ?? []).reduce((s, r) => s + rowMinorUnits(r, currencyCode, opts), 0)
}

function minorToDecimal(minor: number | string, currencyCode: string): { exp: number; major: Decimal } {
  const exp = currencyExponent(currencyCode)
  if (typeof minor !== "number" && typeof minor !== "string") {
    throw invalidAmount(minor, "minor units must be an integer")
  }
  const dec = toDecimal(minor)
  decimalToSafeInteger(dec, minor) // validates integer + safe range
  return { exp, major: dec.shiftedBy(-exp) }
}

/** Integer minor units → major units as a JS number (4999 SEK → 49.99), computed exactly. */
export function fromMinorUnits(minor: number | string, currencyCode: string): number {
  const n = minorToDecimal(minor, currencyCode).major.toNumber()
  return n === 0 ? 0 : n
}

/** Same as fromMinorUnits but as an exact decimal string with the currency's digits ("49.99", "1500", "1.234"). */
export function fromMinorUnitsToString(minor: number | string, currencyCode: string): string {
  const { exp, major } = minorToDecimal(minor, currencyCode)
  return major.toFixed(exp)
}

const formatCache = new Map<string, Intl.NumberFormat>()
function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`
  let nf = formatCache.get(key)
  if (!nf) {
    const opts: Intl.NumberFormatOptions = { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true }
    try {
      nf = new Intl.NumberFormat(locale, opts)
    } catch {
      nf = new Intl.NumberFormat("sv-SE", opts)
    }
    formatCache.set(key, nf)
  }
  return nf
}

/**
 * Formats minor units for messages: `formatMinorUnits(125000, "SEK")` →
 * "1 250,00 SEK". Digits come from Intl for `locale`; any Unicode space
 * (sv-SE groups with U+00A0) becomes a plain space and U+2212 a plain "-",
 * so the output is predictable in logs and tests.
 */
export function formatMinorUnits(minor: number | string, currencyCode: string, locale = "sv-SE"): string {
  const code = normalizeCurrency(currencyCode)
  const exp = currencyExponent(code)
  const { major } = minorToDecimal(minor, code)
  const fixed = major.toFixed(exp)
  const nf = numberFormat(locale, exp)
  // Intl formats decimal strings exactly (no float round-trip) on Node ≥ 19;
  // fall back to the number if this runtime does not.
  let text = nf.format(fixed as unknown as number)
  if (/NaN/.test(text)) {
    text = nf.format(Number(fixed))
  }
  text = text.replace(/[\u00a0\u202f\u2007\u2009\u2008\u200a\u2002\u2003\u2004\u2005\u2006]/g, " ").replace(/\u2212/g, "-")
  return `${text} ${code}`
}
