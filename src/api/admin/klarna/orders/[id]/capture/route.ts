import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runManualKlarnaAction } from "../../../run-manual-action"
import { captureKlarnaAction } from "../../../../../../workflows/capture-klarna-order"
import type { AdminKlarnaCaptureType } from "../../../validators"

/**
 * Capture the remaining amount, or exactly `amount` (in the order's currency, major units): an
 * amount the currency cannot hold or above what remains is refused, never rounded or clamped.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminKlarnaCaptureType>, res: MedusaResponse) => {
  const requested = req.validatedBody.amount
  await runManualKlarnaAction(req, res, captureKlarnaAction, requested === undefined ? {} : { requested_amount: requested })
}
