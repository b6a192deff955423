import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { loadListedAttention } from "../queries/attention-items"
import { klarnaMessages } from "../../klarna/messages"

export type DismissKlarnaAttentionInput = { id: string; note: string; actor: string }

/**
 * Takes an entry off the attention list with the merchant's note (it is not
 * retried any more), and writes the dismissal, with who did it, into the
 * order's event log.
 */
export const dismissKlarnaAttentionStep = createStep(
  "dismiss-klarna-attention",
  async (input: DismissKlarnaAttentionInput, { container }) => {
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    const event = await loadListedAttention(container, input.id)
    const before = { id: event.id, resolved_at: null, resolved_by: null, resolution_note: null, next_attempt_at: event.next_attempt_at }
    const dismissed = await om.updateKlarnaEvents({
      id: event.id,
      resolved_at: new Date(),
      resolved_by: input.actor,
      resolution_note: input.note,
      next_attempt_at: null,
    })
    const note = await om.createKlarnaEvents({
      order_id: event.order_id,
      payment_id: event.payment_id,
      action: event.action,
      outcome: "dismissed",
      actor: input.actor,
      klarna_order_id: event.klarna_order_id,
      message: klarnaMessages.dismissed(input.note, event.message),
      payload: { dismissed_event_id: event.id },
    })
    return new StepResponse({ dismissed, note }, { before, note_id: note.id })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    await om.deleteKlarnaEvents(undo.note_id)
    await om.updateKlarnaEvents(undo.before as any)
  }
)
