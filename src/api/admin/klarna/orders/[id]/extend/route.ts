import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runManualKlarnaAction } from "../../../run-manual-action"
import { extendKlarnaAction } from "../../../../../../workflows/run-klarna-order-operation"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await runManualKlarnaAction(req, res, extendKlarnaAction, { operation: "extend" })
}
