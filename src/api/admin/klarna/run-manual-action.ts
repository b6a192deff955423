import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { runKlarnaAction } from "../../../workflows/klarna-action/run-klarna-action"
import type { KlarnaAction } from "../../../workflows/klarna-action/types"
import { adminKlarnaEvent } from "./admin-response"

/**
 * Runs one of the admin's Klarna actions (like the WooCommerce metabox:
 * independent of the automation toggles), answering with its event-log
 * entry (`amount_minor`, see admin-response.ts). An order that does not
 * exist or was not paid with Klarna, or an amount it cannot take, is refused
 * by the action's workflow before anything is done (4xx, no entry); a
 * Klarna refusal is a 400 with the merchant-readable reason.
 */
export async function runManualKlarnaAction(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  action: KlarnaAction,
  input: Record<string, unknown> = {}
) {
  const orderId = req.params.id
  const actor = req.auth_context?.actor_id
  const event = await runKlarnaAction(req.scope, action, {
    order_id: orderId,
    input: {
      order_id: orderId,
      respect_toggle: false,
      refuse_unless_klarna_order: true,
      request_key: randomUUID(),
      actor,
      captured_by: actor,
      ...input,
    },
    operation_key: `manual-${action.action}:${orderId}:${randomUUID()}`,
    actor: actor ? `user:${actor}` : "admin",
  })
  if (!event) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order ${orderId} has no Klarna order to act on.`)
  }
  if (event.outcome === "failed") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, event.message ?? "The Klarna action failed.")
  }
  res.json({ event: adminKlarnaEvent(event) })
}
