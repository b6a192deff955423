import { acquireLockStep, capturePaymentWorkflow, refundPaymentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { klarnaSyncPlan, syncMessage } from "../klarna/decisions/sync-plan"
import { fromMinorUnits } from "../klarna/utils/currency"
import { orderRefundLockKey, ORDER_REFUND_LOCK } from "./order-refund-lock"
import type { KlarnaAction, KlarnaActionResult } from "./klarna-action/types"
import { readKlarnaOrderForSyncStep } from "./steps/read-klarna-order-for-sync"
import { refreshKlarnaSnapshotStep } from "./steps/refresh-klarna-snapshot"

export const syncKlarnaOrderWorkflowId = "sync-klarna-order"

export const syncKlarnaAction: KlarnaAction = { workflow_id: syncKlarnaOrderWorkflowId, action: "sync", verb: "sync the" }

/**
 * Re-reads the Klarna order and brings Medusa in line: captures and refunds
 * made in Klarna's portal are recorded through Medusa's own capture and
 * refund workflows (the provider adopts them, nothing is sent to Klarna), and
 * the payment's Klarna snapshot (status, amounts, expiry) is refreshed.
 */
export const syncKlarnaOrderWorkflow = createWorkflow(syncKlarnaOrderWorkflowId, (input: { order_id: string; actor?: string; refuse_unless_klarna_order?: boolean }) => {
  const state = readKlarnaOrderForSyncStep({ order_id: input.order_id, refuse_unless_klarna_order: input.refuse_unless_klarna_order })
  const plan = transform({ state }, ({ state }) => (state ? klarnaSyncPlan(state.payment, state.klarna) : { capture: 0, refund: 0 }))

  when("klarna-sync-capture", { plan }, ({ plan }) => plan.capture > 0).then(() => {
    const captureInput = transform({ state, plan, input }, ({ state, plan, input }) => ({
      payment_id: state!.payment.id,
      amount: fromMinorUnits(plan.capture, state!.payment.currency_code),
      captured_by: input.actor,
    }))
    capturePaymentWorkflow.runAsStep({ input: captureInput }).config({ name: "record-klarna-portal-capture" })
  })

  when("klarna-sync-refund", { plan }, ({ plan }) => plan.refund > 0).then(() => {
    // Refunds of one order run one at a time (see order-refund-lock).
    const key = transform({ input }, ({ input }) => orderRefundLockKey(input.order_id))
    acquireLockStep(transform({ key }, ({ key }) => ({ key, timeout: ORDER_REFUND_LOCK.timeout, ttl: ORDER_REFUND_LOCK.expire }))).config({
      name: "lock-order-refunds",
    })
    const refundInput = transform({ state, plan, input }, ({ state, plan, input }) => ({
      payment_id: state!.payment.id,
      amount: fromMinorUnits(plan.refund, state!.payment.currency_code),
      created_by: input.actor,
      note: "Refunded in Klarna",
    }))
    refundPaymentWorkflow.runAsStep({ input: refundInput }).config({ name: "record-klarna-portal-refund" })
    releaseLockStep(transform({ key }, ({ key }) => ({ key }))).config({ name: "unlock-order-refunds" })
  })

  when("klarna-sync-snapshot", { state }, ({ state }) => !!state).then(() => {
    refreshKlarnaSnapshotStep(transform({ state }, ({ state }) => ({ payment_id: state!.payment.id, klarna: state!.klarna })))
  })

  return new WorkflowResponse(
    transform({ state, plan }, ({ state, plan }): KlarnaActionResult => {
      if (!state) return null
      const { payment, klarna } = state
      return {
        outcome: "succeeded",
        payment_id: payment.id,
        klarna_order_id: klarna.order_id,
        klarna_reference: klarna.klarna_reference,
        currency_code: payment.currency_code,
        message: syncMessage(klarna, plan, payment.currency_code),
      }
    })
  )
})
