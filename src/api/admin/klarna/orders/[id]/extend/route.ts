import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runManualKlarnaAction } from "../../../run-manual-action"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await runManualKlarnaAction(req, res, "extend")
}
