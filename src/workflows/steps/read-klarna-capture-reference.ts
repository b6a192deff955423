import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { klarnaClientFor } from "../../providers/klarna/provider-client"

export type ReadKlarnaCaptureReferenceInput = { provider_id?: string; klarna_order_id: string; klarna_capture_id: string }

/** A capture's own Klarna reference (Klarna's answer to the capture carries only its id); null when it cannot be read. */
export const readKlarnaCaptureReferenceStep = createStep(
  "read-klarna-capture-reference",
  async (input: ReadKlarnaCaptureReferenceInput, { container }) => {
    try {
      const capture = await klarnaClientFor(container, input.provider_id).getCapture(input.klarna_order_id, input.klarna_capture_id)
      return new StepResponse(capture.klarna_reference ?? null)
    } catch {
      // The entry keeps the order's reference, as it would have without this read.
      return new StepResponse(null)
    }
  }
)
