import type { MedusaContainer } from "@medusajs/framework/types"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import type { KlarnaActionPayload } from "../klarna-action/types"
import { restoreOperationKey } from "../../klarna/decisions/change-attempt-key"
import { restoreKlarnaAction, type RestoreAfterChangeInput } from "../restore-klarna-authorization"

/** How long a confirmation may take before the retry job treats an unanswered one as failed. */
const RESTORE_DUE_AFTER_MS = 5 * 60_000

/** The event-log entry of a change's restore: the pending note, and later the restore's own outcome. */
export const restoreEntryKey = (input: RestoreAfterChangeInput) => restoreOperationKey(input.klarna_order_id, input.change_key)

/**
 * Recorded before Medusa confirms, as a due action: if the process dies before
 * it learns the outcome, the retry job restores Klarna (unless the change was
 * confirmed after all).
 */
export async function recordPendingKlarnaRestore(container: MedusaContainer, input: RestoreAfterChangeInput) {
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  return await om.recordEvent({
    order_id: input.order_id,
    action: "update",
    outcome: "pending_retry",
    attention: false,
    operation_key: restoreEntryKey(input),
    next_attempt_at: new Date(Date.now() + RESTORE_DUE_AFTER_MS),
    message: "Klarna was updated for the change; the plugin puts it back if Medusa does not confirm it.",
    payload: { workflow_id: restoreKlarnaAction.workflow_id, verb: restoreKlarnaAction.verb, input } satisfies KlarnaActionPayload,
  })
}
