import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runManualKlarnaAction } from "../../../run-manual-action"
import { cancelKlarnaAction } from "../../../../../../workflows/cancel-klarna-order"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await runManualKlarnaAction(req, res, cancelKlarnaAction)
}
