import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { klarnaMessages } from "../../klarna/messages"

/** Completes a capture's event-log entry with the capture's Klarna reference, as WooCommerce's order note names it. */
export const noteKlarnaCaptureReferenceStep = createStep(
  "note-klarna-capture-reference",
  async (input: { event_id: string; klarna_reference: string | null }, { container }) => {
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    const [entry] = await om.listKlarnaEvents({ id: input.event_id })
    if (!entry || !input.klarna_reference || entry.outcome !== "succeeded" || !entry.klarna_capture_id || entry.amount == null || !entry.currency_code) {
      return new StepResponse(entry ?? null)
    }
    const message = klarnaMessages.captured(Number(entry.amount), entry.currency_code, entry.klarna_capture_id, input.klarna_reference)
    return new StepResponse(await om.updateKlarnaEvents({ id: entry.id, klarna_reference: input.klarna_reference, message }))
  }
)
