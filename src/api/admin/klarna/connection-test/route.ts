import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { testKlarnaConnectionWorkflow } from "../../../../workflows/test-klarna-connection"

/** Checks that Klarna answers with the configured credentials (never the credentials themselves). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await testKlarnaConnectionWorkflow(req.scope).run({ input: {} })
  res.json(result)
}
