import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { syncKlarnaSettlementsWorkflow } from "../../../../../workflows/settlements/sync-klarna-settlements"
import type { AdminSyncKlarnaSettlementsType } from "../validators"

/** "Sync now": reads Klarna's and Kustom's payouts (from `from`, else since the last sync) and reconciles them. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSyncKlarnaSettlementsType>, res: MedusaResponse) => {
  const { from, to } = req.validatedBody ?? {}
  const { result } = await syncKlarnaSettlementsWorkflow(req.scope).run({
    input: { from: from ? new Date(from).toISOString() : undefined, to: to ? new Date(to).toISOString() : undefined },
  })
  res.json(result)
}
