import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { toMinorUnits } from "../../../../../../providers/klarna/utils/currency"
import { runManualKlarnaAction } from "../../../run-manual-action"
import type { AdminKlarnaCaptureType } from "../../../validators"

/** Capture the remaining amount, or `amount` (in the order's currency, major units). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminKlarnaCaptureType>, res: MedusaResponse) => {
  let amount: number | undefined
  if (req.validatedBody.amount !== undefined) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({ entity: "order", fields: ["currency_code"], filters: { id: req.params.id } })
    amount = order ? toMinorUnits(req.validatedBody.amount, (order as any).currency_code) : undefined
  }
  await runManualKlarnaAction(req, res, "capture", { amount })
}
