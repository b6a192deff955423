import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { importedConnectionProblem, type ImportedOrderDraft } from "../../../woocommerce"
import { registeredKlarnaProviderIds } from "../../../providers/klarna/provider-client"

/** Refuses an order whose Klarna or Kustom connection this app does not have, before anything is written. */
export const checkImportConnectionStep = createStep("check-import-connection", async (input: { draft: ImportedOrderDraft }, { container }) => {
  const problem = importedConnectionProblem(input.draft, registeredKlarnaProviderIds(container))
  if (problem) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, problem)
  }
  return new StepResponse(true)
})
