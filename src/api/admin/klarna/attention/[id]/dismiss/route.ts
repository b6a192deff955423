import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { dismissKlarnaAttentionWorkflow } from "../../../../../../workflows/dismiss-klarna-attention"
import type { AdminDismissKlarnaAttentionType } from "../../validators"
import { adminKlarnaEvent } from "../../../admin-response"

/** Takes the entry off the attention list with the admin's note, logged with who dismissed it. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminDismissKlarnaAttentionType>, res: MedusaResponse) => {
  const actorId = req.auth_context?.actor_id
  const { result } = await dismissKlarnaAttentionWorkflow(req.scope).run({
    input: { id: req.params.id, note: req.validatedBody.note, actor: actorId ? `user:${actorId}` : "admin" },
  })
  res.json({ event: result.dismissed && adminKlarnaEvent(result.dismissed), note: result.note && adminKlarnaEvent(result.note) })
}
