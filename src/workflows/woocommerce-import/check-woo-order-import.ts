import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { registeredKlarnaProviderIds } from "../../providers/klarna/provider-client"
import { checkImportTotal, importCustomerEmail, importedConnectionProblem, matchImportRegion, medusaOrderInput, medusaOrderTotal, type ImportedOrderDraft, type ImportRegion } from "../../woocommerce"
import { findImportVariants } from "./steps/resolve-import-variants"

export const WOULD_IMPORT = "would import (dry run: nothing written)"

/**
 * A dry run's answer for a new order: every check the real import makes —
 * the Klarna or Kustom connection, the region, the customer's email, the variants, Medusa's total against
 * WooCommerce's — with nothing written. Throws the real import's reason.
 */
export async function checkWooOrderImport(
  container: MedusaContainer,
  draft: ImportedOrderDraft,
  ctx: { regions: ImportRegion[]; sales_channel_id?: string }
): Promise<void> {
  const connectionProblem = importedConnectionProblem(draft, registeredKlarnaProviderIds(container))
  if (connectionProblem) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, connectionProblem)
  }
  const region_id = matchImportRegion(ctx.regions, draft)
  importCustomerEmail(draft)
  const variants = await findImportVariants(container, draft)
  const input = medusaOrderInput(draft, { region_id, customer_id: "dry-run", sales_channel_id: ctx.sales_channel_id, variants: new Map(Object.entries(variants)) })
  checkImportTotal(draft, medusaOrderTotal(input, draft.currency_code))
}
