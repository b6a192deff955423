import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ImportedOrderDraft } from "../../../woocommerce"

export type ImportVariants = Record<string, { id: string; product_id: string }>

/** The Medusa variants the order's lines name by SKU; lines without a match are imported without a variant. */
export async function findImportVariants(container: MedusaContainer, draft: ImportedOrderDraft): Promise<ImportVariants> {
  const skus = draft.items.map((i) => i.sku).filter((s): s is string => !!s)
  if (!skus.length) {
    return {}
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "sku", "product_id"], filters: { sku: skus } })
  return Object.fromEntries((data as any[]).map((v) => [v.sku, { id: v.id, product_id: v.product_id }]))
}

export const resolveImportVariantsStep = createStep("resolve-import-variants", async (input: { draft: ImportedOrderDraft }, { container }) => {
  return new StepResponse(await findImportVariants(container, input.draft))
})
