import { MedusaError } from "@medusajs/framework/utils"
import { currencyExponent, formatMinorUnits, normalizeCurrency, toDecimal, toMinorUnits } from "./currency"

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * An amount typed by an admin (major units, 10.5 SEK) in the currency's
 * minor units (1050). What the currency cannot hold is refused rather than
 * rounded: money is never moved for an amount the merchant did not type.
 */
export function adminAmountToMinorUnits(amount: number | string, currencyCode: string): number {
  const code = normalizeCurrency(currencyCode)
  const exponent = currencyExponent(code)
  const dec = toDecimal(amount)
  const typed = `${dec.toFixed()} ${code}`
  if (dec.lte(0)) {
    throw invalid(`The amount must be greater than zero (got ${typed}).`)
  }
  if (dec.shiftedBy(exponent).lt(1)) {
    throw invalid(`${typed} is less than the smallest ${code} amount, ${formatMinorUnits(1, code)}.`)
  }
  if ((dec.decimalPlaces() ?? 0) > exponent) {
    throw invalid(
      exponent === 0
        ? `${typed} cannot be charged: ${code} amounts have no decimals.`
        : `${typed} cannot be charged: ${code} amounts have at most ${exponent} decimal${exponent === 1 ? "" : "s"}.`
    )
  }
  return toMinorUnits(dec.toFixed(), code)
}
