import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { readKlarnaCaptureReferenceStep, type ReadKlarnaCaptureReferenceInput } from "./steps/read-klarna-capture-reference"
import { noteKlarnaCaptureReferenceStep } from "./steps/note-klarna-capture-reference"

export const noteKlarnaCaptureReferenceWorkflowId = "note-klarna-capture-reference"

export type NoteKlarnaCaptureReferenceInput = ReadKlarnaCaptureReferenceInput & { event_id: string; amount: number; currency_code: string }

/**
 * Reads a capture's Klarna reference after the capture was answered and
 * recorded, so the capture itself is one Klarna request, and names it in the
 * capture's event-log entry.
 */
export const noteKlarnaCaptureReferenceWorkflow = createWorkflow(noteKlarnaCaptureReferenceWorkflowId, (input: NoteKlarnaCaptureReferenceInput) => {
  const klarna_reference = readKlarnaCaptureReferenceStep(input)
  const note = transform({ input, klarna_reference }, ({ input, klarna_reference }) => ({
    event_id: input.event_id,
    klarna_capture_id: input.klarna_capture_id,
    amount: input.amount,
    currency_code: input.currency_code,
    klarna_reference,
  }))
  return new WorkflowResponse(noteKlarnaCaptureReferenceStep(note))
})
