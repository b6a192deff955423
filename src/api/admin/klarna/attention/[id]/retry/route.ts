import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { retryKlarnaAttention } from "../../../../../../lib/order-management/retry-attention"
import { adminKlarnaEvent } from "../../../admin-response"

/** Runs the action again now; a refusal is a 400 with Klarna's reason and the entry stays listed. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const event = (await retryKlarnaAttention(req.scope, req.params.id, req.auth_context?.actor_id)) as { outcome?: string; message?: string; amount?: number | null } | null
  if (!event) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The order has no Klarna payment left to act on.")
  }
  if (event.outcome === "failed" || event.outcome === "needs_attention") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, event.message ?? "Klarna refused the action again.")
  }
  res.json({ event: adminKlarnaEvent(event) })
}
