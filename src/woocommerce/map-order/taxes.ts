/**
 * A line's taxes → its tax lines and rate (percent), looked up in the order's
 * `tax_lines`; when a rate is not found there it is derived from the amounts.
 */
import { BASIS_POINTS_PER_PERCENT, basisPointsToPercent } from "../../klarna/validation/order-line-rules"
import type { WooLineTax, WooTaxLine } from "../woo-schemas"
import { clean, type OrderScope } from "./order-scope"
import type { ImportedTaxLine } from "./woo-draft-types"

export interface LineTax {
  rate: number
  lines: ImportedTaxLine[]
}

/** `taxes` of one line (`where`, e.g. "line item 7"), whose amounts ex tax and tax are `total` and `totalTax`. */
export type LineTaxReader = (taxes: WooLineTax[], total: number, totalTax: number, where: string) => LineTax

function ratePercent(tl: WooTaxLine | undefined): number {
  return tl && tl.rate_percent !== null && tl.rate_percent !== undefined && tl.rate_percent !== "" ? Number(tl.rate_percent) : NaN
}

export function createLineTaxReader(scope: OrderScope, taxLines: readonly WooTaxLine[]): LineTaxReader {
  const rates = new Map<number, WooTaxLine>()
  for (const t of taxLines) if (typeof t.rate_id === "number") rates.set(t.rate_id, t)

  return (taxes, total, totalTax, where) => {
    const lines: ImportedTaxLine[] = []
    let rate = 0
    let rateKnown = true
    for (const t of taxes) {
      const amount = scope.money(t.total, `${where} taxes[${t.id}].total`)
      const sub = scope.money(t.subtotal, `${where} taxes[${t.id}].subtotal`)
      if (amount === 0 && sub === 0) continue
      const tl = rates.get(t.id)
      const pct = ratePercent(tl)
      if (Number.isFinite(pct)) rate += pct
      else rateKnown = false
      lines.push({
        rate_id: t.id,
        code: clean(tl?.rate_code),
        name: clean(tl?.label),
        rate: Number.isFinite(pct) ? pct : null,
        compound: tl?.compound === true,
        total: amount,
      })
    }
    if (lines.some((l) => l.compound)) scope.warnings.push(`${where}: compound tax rates; tax_rate is the plain sum of the rates`)
    if (lines.length === 0 && totalTax !== 0) rateKnown = false
    if (!rateKnown) {
      // Minor units in, the rate out: tax / net in basis points, then percent.
      const derived = total !== 0 ? basisPointsToPercent(Math.round((totalTax * 100 * BASIS_POINTS_PER_PERCENT) / total)) : 0
      scope.warnings.push(`${where}: tax rate not found in tax_lines; derived ${derived} % from the amounts`)
      return { rate: derived, lines }
    }
    return { rate: Math.round(rate * 10000) / 10000, lines }
  }
}
