import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { restoreEntryKey } from "../order-change/pending-klarna-restore"
import { restoreInputFor, updateKlarnaBeforeChange } from "../order-change/update-klarna-before-change"
import { runKlarnaAction } from "../klarna-action/run-klarna-action"
import { restoreKlarnaAction, type RestoreAfterChangeInput } from "../restore-klarna-authorization"

/**
 * Klarna's reservation gets the change's lines and amount before Medusa
 * confirms, so a change Klarna refuses is not confirmed and the admin sees
 * Klarna's reason. Compensation puts Klarna back as a recorded action (same
 * Klarna write as the retry job's), retried until Klarna takes it.
 */
export const updateKlarnaForOrderChangeStep = createStep(
  "update-klarna-for-order-change",
  async (input: { order_id: string; actor?: string; refuse_when_captured: boolean }, { container }) => {
    const { plan, changeKey } = await updateKlarnaBeforeChange(container, input.order_id, input.actor, {
      refuse_when_captured: input.refuse_when_captured,
    })
    const restore = restoreInputFor(input.order_id, plan, changeKey) ?? null
    return new StepResponse<RestoreAfterChangeInput | null, RestoreAfterChangeInput | null>(restore, restore)
  },
  async (restore, { container }) => {
    if (!restore) {
      return
    }
    await runKlarnaAction(container, restoreKlarnaAction, { order_id: restore.order_id, input: restore, operation_key: restoreEntryKey(restore) })
  }
)
