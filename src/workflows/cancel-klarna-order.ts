import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelPaymentStep } from "@medusajs/medusa/core-flows"
import type { KlarnaAction, KlarnaActionResult } from "./klarna-action/types"
import { cancelKlarnaReservationStep, type CancelKlarnaReservationStepInput } from "./steps/cancel-klarna-reservation"

export const cancelKlarnaOrderWorkflowId = "cancel-klarna-order"

export const cancelKlarnaAction: KlarnaAction = { workflow_id: cancelKlarnaOrderWorkflowId, action: "cancel", verb: "cancel" }

/**
 * WooCommerce's "On order cancellation", made safe for partial captures. An
 * admin's cancel in Klarna also ends the Medusa payment (an order cancel
 * already has). Answers the event-log entry.
 */
export const cancelKlarnaOrderWorkflow = createWorkflow(cancelKlarnaOrderWorkflowId, (input: CancelKlarnaReservationStepInput) => {
  const result = cancelKlarnaReservationStep(input)
  when("klarna-cancelled-by-admin", { input, result }, ({ input, result }) =>
    !input.respect_toggle && result?.action === "cancel" && result.outcome === "succeeded" && !!result.payment_id
  ).then(() => {
    cancelPaymentStep({ paymentIds: transform({ result }, ({ result }) => result!.payment_id!) })
  })
  return new WorkflowResponse(
    transform({ result }, ({ result }): KlarnaActionResult => {
      if (!result) return null
      const { action: _action, ...entry } = result
      return entry
    })
  )
})
