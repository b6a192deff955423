import { MedusaError } from "@medusajs/framework/utils"
import type { ImportedOrderDraft } from "./map-order/woo-draft-types"

/** A Medusa region as the import matches orders to it. */
export type ImportRegion = { id: string; currency_code: string; countries: string[] }

/**
 * The region an order is imported into: the one selling in its currency to
 * its (shipping, else billing) country, or the only one in its currency.
 */
export function matchImportRegion(regions: ImportRegion[], draft: ImportedOrderDraft): string {
  const country = (draft.shipping_address ?? draft.billing_address)?.country_code ?? undefined
  const byCurrency = regions.filter((r) => r.currency_code === draft.currency_code)
  const match = byCurrency.find((r) => country && r.countries.includes(country)) ?? (byCurrency.length === 1 ? byCurrency[0] : undefined)
  if (!match) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `No Medusa region sells in ${draft.currency_code.toUpperCase()}${country ? ` to ${country.toUpperCase()}` : ""}; create one before importing.`
    )
  }
  return match.id
}
