import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  confirmClaimRequestWorkflow,
  confirmExchangeRequestWorkflow,
  confirmOrderEditRequestWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { dropPendingKlarnaRestoreStep } from "./steps/drop-pending-klarna-restore"
import { recordPendingKlarnaRestoreStep } from "./steps/record-pending-klarna-restore"
import { updateKlarnaForOrderChangeStep } from "./steps/update-klarna-for-order-change"

export const confirmOrderChangeWithKlarnaWorkflowId = "confirm-order-change-with-klarna"

export type KlarnaOrderChangeKind = "order-edit" | "claim" | "exchange"

export interface ConfirmOrderChangeWithKlarnaInput {
  kind: KlarnaOrderChangeKind
  order_id: string
  /** The claim's or exchange's id; an order edit is confirmed by its order's id. */
  change_id: string
  confirmed_by?: string
}

/**
 * An admin's confirmation of an order edit, claim or exchange on a Klarna
 * order: Klarna's reservation is updated first, then Medusa's own confirm
 * workflow runs. When Medusa does not confirm, the compensation puts Klarna
 * back; the pending restore recorded before Medusa runs covers a process that
 * dies in between (the retry job restores), and goes once Medusa confirmed.
 * Claims and exchanges confirmed after a capture leave the reservation alone.
 */
export const confirmOrderChangeWithKlarnaWorkflow = createWorkflow(confirmOrderChangeWithKlarnaWorkflowId, (input: ConfirmOrderChangeWithKlarnaInput) => {
  const restore = updateKlarnaForOrderChangeStep(
    transform({ input }, ({ input }) => ({
      order_id: input.order_id,
      actor: input.confirmed_by,
      refuse_when_captured: input.kind === "order-edit",
    }))
  )
  const pendingId = recordPendingKlarnaRestoreStep(transform({ restore }, ({ restore }) => ({ restore })))

  // Medusa's order-edit confirmation locks its order, a step it skips when run inside another workflow: locked here instead.
  acquireLockStep(
    transform({ input }, ({ input }) => ({ key: input.kind === "order-edit" ? [input.order_id] : [], timeout: 2, ttl: 10 }))
  ).config({ name: "lock-order-edit-confirmation" })
  const editPreview = when("confirm-klarna-order-edit", { input }, ({ input }) => input.kind === "order-edit").then(() =>
    confirmOrderEditRequestWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ order_id: input.order_id, confirmed_by: input.confirmed_by })),
    })
  )
  const claimPreview = when("confirm-klarna-claim", { input }, ({ input }) => input.kind === "claim").then(() =>
    confirmClaimRequestWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ claim_id: input.change_id, confirmed_by: input.confirmed_by })),
    })
  )
  const exchangePreview = when("confirm-klarna-exchange", { input }, ({ input }) => input.kind === "exchange").then(() =>
    confirmExchangeRequestWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ exchange_id: input.change_id, confirmed_by: input.confirmed_by })),
    })
  )
  releaseLockStep(transform({ input }, ({ input }) => ({ key: input.kind === "order-edit" ? [input.order_id] : [] }))).config({
    name: "unlock-order-edit-confirmation",
  })
  dropPendingKlarnaRestoreStep(transform({ pendingId }, ({ pendingId }) => ({ pending_id: pendingId })))

  return new WorkflowResponse(
    transform({ editPreview, claimPreview, exchangePreview }, ({ editPreview, claimPreview, exchangePreview }) => editPreview ?? claimPreview ?? exchangePreview)
  )
})
