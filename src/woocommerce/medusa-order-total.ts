import { decorateCartTotals, MedusaError } from "@medusajs/framework/utils"
import { toMinorUnits } from "../klarna/utils/currency"
import type { ImportedOrderDraft } from "./map-order/woo-draft-types"

/**
 * The total Medusa's order module will compute for an order input (the same
 * totals function it uses), in minor units: checked before anything is written.
 */
export function medusaOrderTotal(input: { items: unknown[]; shipping_methods: unknown[] }, currencyCode: string): number {
  const decorated = decorateCartTotals(structuredClone({ items: input.items, shipping_methods: input.shipping_methods }) as any) as { total: unknown }
  return toMinorUnits(decorated.total as any, currencyCode)
}

/** Refuses an order whose Medusa total would differ from WooCommerce's to the minor unit. */
export function checkImportTotal(draft: ImportedOrderDraft, medusaTotal: number): void {
  if (medusaTotal !== draft.totals.total) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `the Medusa order would total ${medusaTotal} but WooCommerce says ${draft.totals.total} (minor units)`
    )
  }
}
