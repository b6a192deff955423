import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { klarnaMessages } from "../../klarna/messages"

export type NoteKlarnaCaptureReferenceStepInput = {
  event_id: string
  klarna_capture_id: string
  amount: number
  currency_code: string
  klarna_reference: string | null
}

/** Completes a capture's event-log entry with the capture's Klarna reference, as WooCommerce's order note names it. */
export const noteKlarnaCaptureReferenceStep = createStep(
  "note-klarna-capture-reference",
  async (input: NoteKlarnaCaptureReferenceStepInput, { container }) => {
    if (!input.klarna_reference) {
      return new StepResponse(null)
    }
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    const [entry] = await om.updateKlarnaEvents({
      // Only the entry of this very capture, as written.
      selector: { id: input.event_id, klarna_capture_id: input.klarna_capture_id, outcome: "succeeded" },
      data: {
        klarna_reference: input.klarna_reference,
        message: klarnaMessages.captured(input.amount, input.currency_code, input.klarna_capture_id, input.klarna_reference),
      },
    })
    return new StepResponse(entry ?? null)
  }
)
