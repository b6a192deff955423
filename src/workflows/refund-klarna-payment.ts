import type { BigNumberInput } from "@medusajs/framework/types"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, refundPaymentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { orderRefundLockKey, ORDER_REFUND_LOCK } from "./order-refund-lock"
import { loadKlarnaRefundFactsStep } from "./steps/load-klarna-refund-facts"
import { planKlarnaRefundStep } from "./steps/plan-klarna-refund"
import { refuseRefundDuringOrderChangeStep } from "./steps/refuse-refund-during-order-change"
import { saveKlarnaRefundPlanStep } from "./steps/save-klarna-refund-plan"

export const refundKlarnaPaymentWorkflowId = "refund-klarna-payment"

export interface RefundKlarnaPaymentInput {
  payment_id: string
  order_id: string
  /** Major units; without it, everything captured and not refunded. */
  amount?: BigNumberInput
  refund_reason_id?: string
  note?: string
  created_by?: string
}

/**
 * An admin's refund of a Klarna payment: planned with Klarna's order in view
 * (full, returned items, or good-will by the merchant's VAT policy), then
 * Medusa's own refund workflow, which has the provider send the plan. What
 * Klarna or the policy would not allow is refused before anything is
 * recorded or sent. One refund per order at a time (see order-refund-lock).
 */
export const refundKlarnaPaymentWorkflow = createWorkflow(refundKlarnaPaymentWorkflowId, (input: RefundKlarnaPaymentInput) => {
  acquireLockStep(
    transform({ input }, ({ input }) => ({
      key: orderRefundLockKey(input.order_id),
      timeout: ORDER_REFUND_LOCK.timeout,
      ttl: ORDER_REFUND_LOCK.expire,
    }))
  )
  refuseRefundDuringOrderChangeStep(transform({ input }, ({ input }) => ({ order_id: input.order_id })))
  const facts = loadKlarnaRefundFactsStep(transform({ input }, ({ input }) => ({ payment_id: input.payment_id })))
  const plan = planKlarnaRefundStep(transform({ input, facts }, ({ input, facts }) => ({ facts, amount: input.amount })))
  saveKlarnaRefundPlanStep(transform({ input, plan }, ({ input, plan }) => ({ payment_id: input.payment_id, plan })))
  refundPaymentWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      payment_id: input.payment_id,
      amount: input.amount,
      refund_reason_id: input.refund_reason_id,
      note: input.note,
      created_by: input.created_by,
    })),
  })
  releaseLockStep(transform({ input }, ({ input }) => ({ key: orderRefundLockKey(input.order_id) })))
  return new WorkflowResponse(plan)
})
