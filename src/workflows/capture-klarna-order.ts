import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { captureEntry, type CapturedPayment, type PendingCaptureReference } from "../klarna/decisions/capture-entry"
import type { KlarnaAction, KlarnaActionResult } from "./klarna-action/types"
import { resolveKlarnaCaptureStep, type ResolveKlarnaCaptureStepInput } from "./steps/resolve-klarna-capture"
import { setKlarnaCapturePlanStep } from "./steps/set-klarna-capture-plan"
import { finishUnfinishedKlarnaCapturesStep } from "./steps/finish-unfinished-klarna-captures"
import { klarnaMessages } from "../klarna/messages"

export type CaptureKlarnaOrderWorkflowInput = ResolveKlarnaCaptureStepInput & { captured_by?: string }

export const captureKlarnaOrderWorkflowId = "capture-klarna-order"

/**
 * Emitted after a capture's event-log entry is written, whichever way it was made (on completion,
 * by the retry job, from the widget): what follows a capture off its path hangs on it (the
 * capture's Klarna reference, the tracking of parcels that shipped before it).
 */
export const KLARNA_CAPTURE_RECORDED = "klarna.capture_recorded"
export type KlarnaCaptureRecorded = {
  order_id: string
  event_id: string
  reference_pending: PendingCaptureReference | null
  /** Medusa's capture workflow ran for it, so Medusa's own `payment.captured` follows too. */
  medusa_captured: boolean
}

export const captureKlarnaAction: KlarnaAction = { workflow_id: captureKlarnaOrderWorkflowId, action: "capture", verb: "capture", recheck_on_refusal: true }

/**
 * Captures an order's Klarna payment through Medusa's own capture workflow,
 * so Medusa's payment and Klarna agree: on completion (remaining amount), per
 * fulfilment (the fulfilled items, with their lines and tracking), or by an
 * admin. Guards stop it without a Klarna call where none is due. What a
 * process killed mid-capture left is finished first; while another capture
 * may still be running, it waits for it. Answers the capture's event-log entry.
 */
export const captureKlarnaOrderWorkflow = createWorkflow(captureKlarnaOrderWorkflowId, (input: CaptureKlarnaOrderWorkflowInput) => {
  const finished = finishUnfinishedKlarnaCapturesStep(
    transform({ input }, ({ input }) => ({ order_id: input.order_id, refuse_unless_klarna_order: input.refuse_unless_klarna_order }))
  )
  const waiting = transform({ finished }, ({ finished }) => finished.recheck_at)
  const resolution = when("klarna-capture-not-running-elsewhere", { waiting }, ({ waiting }) => !waiting).then(() =>
    resolveKlarnaCaptureStep(transform({ input, finished }, ({ input, finished }) => ({ ...input, loaded_order: finished.order })))
  )

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

  const entry = transform({ input, finished, resolution, captured }, ({ input, finished, resolution, captured }): KlarnaActionResult => {
    if (finished.recheck_at) {
      return { outcome: "pending_retry", attention: false, next_attempt_at: new Date(finished.recheck_at), message: klarnaMessages.captureStillRunning(finished.recheck_at) }
    }
    if (!resolution) return null
    const resumed = klarnaMessages.resumedAfterInterruption(finished.abandoned.length, finished.recorded.length)
    if (!resolution.capture) {
      const { capture: _capture, amount: _amount, ...skipped } = resolution
      if (!resumed) return skipped
      // Nothing left to capture because the interrupted capture was made: this action's capture is done.
      const done = finished.recorded.length > 0 && skipped.outcome === "skipped"
      return {
        ...skipped,
        outcome: done ? "succeeded" : skipped.outcome,
        message: `${skipped.message} ${resumed}`,
        follow_up: done ? { event: KLARNA_CAPTURE_RECORDED, data: { order_id: input.order_id, reference_pending: null, medusa_captured: false } } : null,
      }
    }
    // Medusa's capture answers with the payment as the provider left it.
    const { capture_reference_pending, ...entry } = captureEntry(resolution, captured as unknown as CapturedPayment | undefined)
    // Klarna's capture answer has no capture reference: it is read after the entry is written, off the capture's path.
    return {
      ...entry,
      message: resumed ? `${entry.message} ${resumed}` : entry.message,
      follow_up: entry.outcome === "succeeded" ? { event: KLARNA_CAPTURE_RECORDED, data: { order_id: input.order_id, reference_pending: capture_reference_pending, medusa_captured: true } } : null,
    }
  })
  return new WorkflowResponse(entry)
})
