import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { loadListedAttention } from "../../../../../../workflows/queries/attention-items"
import { rerunnable } from "../../../../../../workflows/klarna-action/rerunnable"
import { runKlarnaAction } from "../../../../../../workflows/klarna-action/run-klarna-action"
import { adminKlarnaEvent } from "../../../admin-response"

/**
 * Runs the entry's action again now, through the same workflow as every Klarna
 * action (lock, same operation key and Klarna idempotency keys, the same
 * event-log entry). Success takes it off the list; a refusal is a 400 with
 * Klarna's reason and the entry stays listed.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const listed = await loadListedAttention(req.scope, req.params.id)
  const action = rerunnable(listed)
  if (!action) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "There is no Klarna action to run again for this entry. Deal with it in Klarna's merchant portal, then dismiss it with a note."
    )
  }
  const actorId = req.auth_context?.actor_id
  const event = await runKlarnaAction(req.scope, action, {
    ...action,
    actor: actorId ? `user:${actorId}` : "admin",
    attempt: (listed.attempts ?? 1) + 1,
  })
  if (!event) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The order has no Klarna payment left to act on.")
  }
  if (event.outcome === "failed" || event.outcome === "needs_attention") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, event.message ?? "Klarna refused the action again.")
  }
  res.json({ event: adminKlarnaEvent(event) })
}
