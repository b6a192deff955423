import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateOrderWorkflow } from "@medusajs/medusa/core-flows"
import { updateKlarnaAddressBeforeEditStep } from "./steps/update-klarna-address-before-edit"

export const updateOrderAddressWithKlarnaWorkflowId = "update-order-address-with-klarna"

export interface UpdateOrderAddressWithKlarnaInput {
  order_id: string
  /** Medusa's `POST /admin/orders/:id` body, validated by Medusa. */
  update: Record<string, unknown> & { shipping_address: Record<string, unknown>; email?: string }
  user_id?: string
}

/**
 * An admin's edit of a Klarna order's shipping address: Klarna's customer
 * details first (a refusal refuses the edit), then Medusa's own
 * `updateOrderWorkflow`; if Medusa does not take it, Klarna gets the old
 * address back.
 */
export const updateOrderAddressWithKlarnaWorkflow = createWorkflow(updateOrderAddressWithKlarnaWorkflowId, (input: UpdateOrderAddressWithKlarnaInput) => {
  const klarna = updateKlarnaAddressBeforeEditStep(
    transform({ input }, ({ input }) => ({
      order_id: input.order_id,
      shipping_address: input.update.shipping_address,
      email: input.update.email,
      actor: input.user_id,
    }))
  )
  updateOrderWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({ ...input.update, id: input.order_id, user_id: input.user_id })) as any,
  })
  return new WorkflowResponse(klarna)
})
