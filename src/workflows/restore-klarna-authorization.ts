import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { klarnaMessages } from "../klarna/messages"
import { changeIdOfAttempt } from "../klarna/decisions/change-attempt-key"
import type { KlarnaAction, KlarnaActionResult } from "./klarna-action/types"
import { findOrderChangeStatusStep } from "./steps/find-order-change-status"
import { restoreKlarnaAuthorizationStep, type RestoreKlarnaAuthorizationInput } from "./steps/restore-klarna-authorization"

export const restoreKlarnaAuthorizationWorkflowId = "restore-klarna-authorization"

export const restoreKlarnaAction: KlarnaAction = { workflow_id: restoreKlarnaAuthorizationWorkflowId, action: "update", verb: "restore the previous lines of the" }

export type RestoreAfterChangeInput = RestoreKlarnaAuthorizationInput & { order_id: string; payment_id: string; currency_code: string }

/**
 * Undoes the Klarna update of an order change that Medusa then did not
 * confirm — unless Medusa confirmed it after all (the restore was recorded
 * before the confirmation ran, and the process died before it heard back).
 */
export const restoreKlarnaAuthorizationWorkflow = createWorkflow(restoreKlarnaAuthorizationWorkflowId, (input: RestoreAfterChangeInput) => {
  const status = findOrderChangeStatusStep(transform({ input }, ({ input }) => ({ change_id: changeIdOfAttempt(input.change_key) })))
  const restored = when("klarna-change-not-confirmed", { status }, ({ status }) => status !== "confirmed").then(() => {
    const restore = transform({ input }, ({ input }) => {
      const { order_id: _order, payment_id: _payment, currency_code: _currency, ...rest } = input
      return rest
    })
    return restoreKlarnaAuthorizationStep(restore)
  })
  return new WorkflowResponse(
    transform({ input, restored }, ({ input, restored }): KlarnaActionResult =>
      restored
        ? {
            outcome: "succeeded",
            payment_id: input.payment_id,
            klarna_order_id: input.klarna_order_id,
            amount: input.previous.order_amount,
            currency_code: input.currency_code,
            message: klarnaMessages.restored(input.previous.order_amount, input.currency_code),
          }
        : {
            outcome: "skipped",
            payment_id: input.payment_id,
            klarna_order_id: input.klarna_order_id,
            message: "Medusa confirmed the change after all; Klarna keeps the updated order lines.",
          }
    )
  )
})
