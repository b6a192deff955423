import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { testKlarnaConnectionWorkflow } from "../../../../workflows/test-klarna-connection"
import type { AdminKlarnaConnectionTestType } from "../validators"

/** Checks that Klarna (or Kustom, `brand: "kustom"`) answers with the configured credentials (never the credentials themselves). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminKlarnaConnectionTestType>, res: MedusaResponse) => {
  const { result } = await testKlarnaConnectionWorkflow(req.scope).run({ input: { brand: req.validatedBody?.brand ?? "klarna" } })
  res.json(result)
}
