import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reconcilePaymentTruth, type ImportedOrderDraft, type ImportRegion } from "../../woocommerce"
import { resolveImportRegionStep } from "./steps/resolve-import-region"
import { resolveImportVariantsStep } from "./steps/resolve-import-variants"
import { readImportKlarnaOrderStep } from "./steps/read-import-klarna-order"
import { createImportCustomerStep } from "./steps/create-import-customer"
import { createImportedOrderStep } from "./steps/create-imported-order"
import { createImportedPaymentStep } from "./steps/create-imported-payment"
import { captureImportedPaymentStep } from "./steps/capture-imported-payment"
import { refundImportedPaymentStep } from "./steps/refund-imported-payment"
import { cancelImportedPaymentStep } from "./steps/cancel-imported-payment"
import { finishImportReplayStep } from "./steps/finish-import-replay"
import { linkWooOrderStep } from "./steps/link-woo-order"

export type ImportWooCommerceOrderWorkflowInput = {
  draft: ImportedOrderDraft
  shop_url: string
  sales_channel_id?: string
  /** Compare with Klarna's order and let Klarna win. */
  reconcile?: boolean
  /** The run's regions, read once; read here when left out. */
  regions?: ImportRegion[]
}

export const importWooCommerceOrderWorkflowId = "import-woocommerce-order"

/**
 * One WooCommerce order into Medusa, through the order and payment modules
 * directly: no inventory reservation, no notification, no order events — so
 * the order-management automation never acts on it — and no Klarna write.
 * The order, its customer when new, its payment with the replayed history,
 * and the link that keeps re-runs idempotent. If a later step fails, the
 * earlier ones are undone: nothing half-imported is left behind.
 */
export const importWooCommerceOrderWorkflow = createWorkflow(importWooCommerceOrderWorkflowId, (input: ImportWooCommerceOrderWorkflowInput) => {
  const region_id = resolveImportRegionStep({ draft: input.draft, regions: input.regions })
  const variants = resolveImportVariantsStep({ draft: input.draft })
  const klarnaInput = transform({ input }, ({ input }) => ({ draft: input.draft, reconcile: !!input.reconcile }))
  const klarna = readImportKlarnaOrderStep(klarnaInput)
  const reconciled = transform({ input, klarna }, ({ input, klarna }) => reconcilePaymentTruth(input.draft, klarna))

  const customer = createImportCustomerStep({ draft: input.draft })
  const orderInput = transform({ input, region_id, customer, variants }, ({ input, region_id, customer, variants }) => ({
    draft: input.draft,
    region_id,
    customer_id: customer.customer_id,
    sales_channel_id: input.sales_channel_id,
    variants,
  }))
  const order = createImportedOrderStep(orderInput)
  const paymentInput = transform({ order, input }, ({ order, input }) => ({ order_id: order.id, draft: input.draft }))
  const payment = createImportedPaymentStep(paymentInput)

  const replay = transform({ payment, reconciled, input }, ({ payment, reconciled, input }) => {
    const { truth } = reconciled
    return {
      capture: { payment_id: payment.payment_id, amount: truth.captured, currency_code: input.draft.currency_code },
      refund: {
        payment_id: payment.payment_id,
        refunds: truth.refunds.map((r) => ({ amount: r.amount, note: r.reason ?? "Refunded in WooCommerce" })),
        currency_code: input.draft.currency_code,
      },
      cancel: { payment_id: payment.payment_id, cancel: truth.canceled && truth.captured === 0 },
      finish: { payment_id: payment.payment_id, active: payment.managed_in_klarna, clear_capture_ids: true },
    }
  })
  captureImportedPaymentStep(replay.capture)
  refundImportedPaymentStep(replay.refund)
  cancelImportedPaymentStep(replay.cancel)
  finishImportReplayStep(replay.finish)

  const linkInput = transform({ order, input }, ({ order, input }) => ({
    shop_url: input.shop_url,
    woo_order_id: input.draft.woo_id,
    medusa_order_id: order.id,
    woo_modified_at: input.draft.modified_at ?? input.draft.created_at,
    woo_status: input.draft.status,
  }))
  linkWooOrderStep(linkInput)
  const result = transform({ order, reconciled }, ({ order, reconciled }) => ({ order, differences: reconciled.differences }))
  return new WorkflowResponse(result)
})
