import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { captureEntry, type CapturedPayment } from "../klarna/decisions/capture-entry"
import type { KlarnaAction, KlarnaActionResult } from "./klarna-action/types"
import { KLARNA_CAPTURE_REFERENCE_PENDING } from "./note-klarna-capture-reference"
import { resolveKlarnaCaptureStep, type ResolveKlarnaCaptureStepInput } from "./steps/resolve-klarna-capture"
import { setKlarnaCapturePlanStep } from "./steps/set-klarna-capture-plan"

export type CaptureKlarnaOrderWorkflowInput = ResolveKlarnaCaptureStepInput & { captured_by?: string }

export const captureKlarnaOrderWorkflowId = "capture-klarna-order"

export const captureKlarnaAction: KlarnaAction = { workflow_id: captureKlarnaOrderWorkflowId, action: "capture", verb: "capture", recheck_on_refusal: true }

/**
 * Captures an order's Klarna payment through Medusa's own capture workflow,
 * so Medusa's payment and Klarna agree: on completion (remaining amount), per
 * fulfilment (the fulfilled items, with their lines and tracking), or by an
 * admin. Guards stop it without a Klarna call where none is due. Answers the
 * capture's event-log entry.
 */
export const captureKlarnaOrderWorkflow = createWorkflow(captureKlarnaOrderWorkflowId, (input: CaptureKlarnaOrderWorkflowInput) => {
  const resolution = resolveKlarnaCaptureStep(input)

  const captured = when("klarna-capture-due", { resolution }, ({ resolution }) => !!resolution && resolution.capture === true).then(() => {
    const planInput = transform({ resolution }, ({ resolution }) => ({
      payment_id: (resolution as any).payment_id as string,
      capture_plan: (resolution as any).capture_plan,
    }))
    setKlarnaCapturePlanStep(planInput)
    const captureInput = transform({ resolution, input }, ({ resolution, input }) => ({
      payment_id: (resolution as any).payment_id as string,
      amount: (resolution as any).medusa_amount as number,
      captured_by: input.captured_by,
    }))
    return capturePaymentWorkflow.runAsStep({ input: captureInput })
  })

  const entry = transform({ resolution, captured }, ({ resolution, captured }): KlarnaActionResult => {
    if (!resolution) return null
    if (!resolution.capture) {
      const { capture: _capture, amount: _amount, ...skipped } = resolution
      return skipped
    }
    // Medusa's capture answers with the payment as the provider left it.
    const { capture_reference_pending, ...entry } = captureEntry(resolution, captured as unknown as CapturedPayment | undefined)
    // Klarna's capture answer has no capture reference: it is read after the entry is written, off the capture's path.
    return { ...entry, follow_up: capture_reference_pending && { event: KLARNA_CAPTURE_REFERENCE_PENDING, data: capture_reference_pending } }
  })
  return new WorkflowResponse(entry)
})
