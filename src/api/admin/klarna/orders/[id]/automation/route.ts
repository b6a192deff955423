import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setKlarnaOrderAutomationWorkflow } from "../../../../../../workflows/set-klarna-order-automation"
import { adminKlarnaEvent } from "../../../admin-response"
import type { AdminKlarnaOrderAutomationType } from "../../../validators"

/** Switches the order's automatic Klarna management off (with the merchant's reason) or back on. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminKlarnaOrderAutomationType>, res: MedusaResponse) => {
  const { enabled, reason } = req.validatedBody
  const { result } = await setKlarnaOrderAutomationWorkflow(req.scope).run({
    input: { order_id: req.params.id, enabled, reason: reason || null, changed_by: req.auth_context?.actor_id ?? null },
  })
  res.json({ automation: result.automation, event: adminKlarnaEvent(result.event as any) })
}
