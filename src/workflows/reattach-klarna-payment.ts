import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { klarnaMessages } from "../klarna/messages"
import type { KlarnaAction, KlarnaActionResult } from "./klarna-action/types"
import { reattachKlarnaPaymentStep } from "./steps/reattach-klarna-payment"
import { readKlarnaOrderStep } from "./steps/read-klarna-order"

export const reattachKlarnaPaymentWorkflowId = "reattach-klarna-payment"

export const reattachKlarnaAction: KlarnaAction = { workflow_id: reattachKlarnaPaymentWorkflowId, action: "update", verb: "update" }

/** After Medusa confirmed an order change: the new payment collection is backed by the same Klarna order. */
export const reattachKlarnaPaymentWorkflow = createWorkflow(reattachKlarnaPaymentWorkflowId, (input: { order_id: string }) => {
  const reattached = reattachKlarnaPaymentStep(input)
  const klarna = when("klarna-payment-reattached", { reattached }, ({ reattached }) => !!reattached).then(() =>
    readKlarnaOrderStep(transform({ reattached }, ({ reattached }) => ({ klarna_order_id: reattached!.klarna_order_id })))
  )
  return new WorkflowResponse(
    transform({ reattached, klarna }, ({ reattached, klarna }): KlarnaActionResult =>
      reattached && klarna
        ? {
            outcome: "succeeded",
            payment_id: reattached.payment_id,
            klarna_order_id: klarna.order_id,
            amount: klarna.order_amount,
            currency_code: klarna.purchase_currency.toLowerCase(),
            message: klarnaMessages.updated(klarna.order_amount, klarna.purchase_currency),
          }
        : null
    )
  )
})
