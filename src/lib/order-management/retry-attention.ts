import { MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { loadListedAttention, rerunnable } from "./attention-items"
import { dispatchKlarnaAutomation } from "./dispatch"

/**
 * Runs an attention entry's action again now, through the same runner as
 * every automatic action (lock, same operation key and Klarna idempotency
 * keys, the same event-log entry). Success takes it off the list.
 */
export async function retryKlarnaAttention(container: MedusaContainer, id: string, actorId?: string) {
  const event = await loadListedAttention(container, id)
  const action = rerunnable(event)
  if (!action) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "There is no Klarna action to run again for this entry. Deal with it in Klarna's merchant portal, then dismiss it with a note."
    )
  }
  return await dispatchKlarnaAutomation(container, action.automation, {
    order_id: event.order_id,
    input: action.input,
    operation_key: action.operation_key,
    actor: actorId ? `user:${actorId}` : "admin",
    attempt: (event.attempts ?? 1) + 1,
  })
}
