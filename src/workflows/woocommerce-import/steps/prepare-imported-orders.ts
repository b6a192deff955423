import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  checkImportTotal,
  importCustomerEmail,
  importedConnectionProblem,
  matchImportRegion,
  medusaOrderInput,
  medusaOrderTotal,
  type ImportedOrderDraft,
  type ImportRegion,
} from "../../../woocommerce"
import { registeredKlarnaProviderIds } from "../../../providers/klarna/provider-client"
import { loadImportRegions } from "./resolve-import-region"
import type { ImportVariants } from "./resolve-import-variants"

/** A page's order as the batch imports it: its region and customer email, or why it cannot be imported. */
export type ImportPlan = { region_id: string; email: string } | { rejected: string }

/**
 * The Klarna connection, region, customer email and Medusa total of each of a page's orders,
 * checked before anything is written (an order without a region or email, or
 * whose total would not be WooCommerce's, is rejected with the reason the
 * per-order path gives, in its order), and the variants all their lines name,
 * read at once.
 */
export const prepareImportedOrdersStep = createStep(
  "prepare-imported-orders",
  async (input: { drafts: ImportedOrderDraft[]; regions?: ImportRegion[] }, { container }) => {
    const regions = input.regions ?? (await loadImportRegions(container))
    const providerIds = registeredKlarnaProviderIds(container)
    const plans = input.drafts.map((draft): ImportPlan => {
      const connectionProblem = importedConnectionProblem(draft, providerIds)
      if (connectionProblem) {
        return { rejected: connectionProblem }
      }
      try {
        const region_id = matchImportRegion(regions, draft)
        const email = importCustomerEmail(draft)
        const input = medusaOrderInput(draft, { region_id, customer_id: "", variants: new Map() })
        checkImportTotal(draft, medusaOrderTotal(input, draft.currency_code))
        return { region_id, email }
      } catch (e) {
        return { rejected: (e as Error).message }
      }
    })
    const skus = [...new Set(input.drafts.flatMap((d, i) => ("rejected" in plans[i] ? [] : d.items.map((item) => item.sku))).filter((s): s is string => !!s))]
    let variants: ImportVariants = {}
    if (skus.length) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product_variant", fields: ["id", "sku", "product_id"], filters: { sku: skus } })
      variants = Object.fromEntries((data as any[]).map((v) => [v.sku, { id: v.id, product_id: v.product_id }]))
    }
    return new StepResponse({ plans, variants })
  }
)
