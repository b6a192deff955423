import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ImportedOrderDraft } from "../woocommerce"
import type { PaymentTruth } from "../lib/woocommerce-import/replay-payment"
import { createImportedOrderStep, type CreateImportedOrderStepInput } from "./steps/create-imported-order"
import { createImportedPaymentStep } from "./steps/create-imported-payment"
import { linkWooOrderStep } from "./steps/link-woo-order"

export type ImportWooCommerceOrderWorkflowInput = CreateImportedOrderStepInput & { truth: PaymentTruth; shop_url: string }

export const importWooCommerceOrderWorkflowId = "import-woocommerce-order"

/**
 * One WooCommerce order into Medusa: the order, its payment with the replayed
 * history, and the link that keeps re-runs idempotent. If a later step fails,
 * the earlier ones are undone: nothing half-imported is left behind.
 */
export const importWooCommerceOrderWorkflow = createWorkflow(importWooCommerceOrderWorkflowId, (input: ImportWooCommerceOrderWorkflowInput) => {
  const order = createImportedOrderStep(input)
  const paymentInput = transform({ order, input }, ({ order, input }) => ({ order_id: order.id, draft: input.draft as ImportedOrderDraft, truth: input.truth }))
  createImportedPaymentStep(paymentInput)
  const linkInput = transform({ order, input }, ({ order, input }) => ({
    shop_url: input.shop_url,
    woo_order_id: input.draft.woo_id,
    medusa_order_id: order.id,
    woo_modified_at: input.draft.modified_at ?? input.draft.created_at,
    woo_status: input.draft.status,
  }))
  linkWooOrderStep(linkInput)
  return new WorkflowResponse(order)
})
