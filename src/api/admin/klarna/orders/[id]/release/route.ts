import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runManualKlarnaAction } from "../../../run-manual-action"
import { releaseKlarnaAction } from "../../../../../../workflows/run-klarna-order-operation"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await runManualKlarnaAction(req, res, releaseKlarnaAction, { operation: "release" })
}
