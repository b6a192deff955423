import { MathBN } from "@medusajs/framework/utils"

/** Sum of a line's tax-line rates, in percent (Medusa stores 25 for 25 %). */
export function sumTaxRates(taxLines?: Array<{ rate?: number | string | null }> | null): number {
  return (taxLines ?? []).reduce((sum, t) => MathBN.add(sum, t.rate ?? 0).toNumber(), 0)
}
