import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { matchImportRegion, type ImportedOrderDraft, type ImportRegion } from "../../../woocommerce"

/** Every region with its currency and countries, as the import matches orders to them. */
export async function loadImportRegions(container: MedusaContainer): Promise<ImportRegion[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "region", fields: ["id", "currency_code", "countries.iso_2"] })
  return (data as any[]).map((r) => ({ id: r.id, currency_code: r.currency_code, countries: (r.countries ?? []).map((c: any) => c.iso_2) }))
}

/** The region the order is imported into; `regions` is the run's list when it has read them once. */
export const resolveImportRegionStep = createStep(
  "resolve-import-region",
  async (input: { draft: ImportedOrderDraft; regions?: ImportRegion[] }, { container }) => {
    const regions = input.regions ?? (await loadImportRegions(container))
    return new StepResponse(matchImportRegion(regions, input.draft))
  }
)
