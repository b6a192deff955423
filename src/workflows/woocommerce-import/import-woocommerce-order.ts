import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { reconcilePaymentTruth, type ImportedOrderDraft, type ImportRegion } from "../../woocommerce"
import { checkImportConnectionStep } from "./steps/check-import-connection"
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
import { reserveWooOrderLinkStep } from "./steps/reserve-woo-order-link"
import { confirmWooOrderLinkStep } from "./steps/confirm-woo-order-link"
import { WOO_ORDER_IMPORTED } from "./order-imported-event"

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
 * the order-management automation never acts on it — and no Klarna write
 * (an order managed in Klarna is announced as imported once it is committed).
 * The link that keeps re-runs idempotent (reserved first, confirmed last),
 * the order, its customer when new, and its payment with the replayed
 * history. If a later step fails, the earlier ones are undone; if the process
 * dies half-way, the reserved link lets the next run clean up and redo it.
 */
export const importWooCommerceOrderWorkflow = createWorkflow(importWooCommerceOrderWorkflowId, (input: ImportWooCommerceOrderWorkflowInput) => {
  checkImportConnectionStep({ draft: input.draft })
  const region_id = resolveImportRegionStep({ draft: input.draft, regions: input.regions })
  const variants = resolveImportVariantsStep({ draft: input.draft })
  const klarnaInput = transform({ input }, ({ input }) => ({ draft: input.draft, reconcile: !!input.reconcile }))
  const klarna = readImportKlarnaOrderStep(klarnaInput)
  const reconciled = transform({ input, klarna }, ({ input, klarna }) => reconcilePaymentTruth(input.draft, klarna))

  const reserveInput = transform({ input }, ({ input }) => ({ shop_url: input.shop_url, woo_order_id: input.draft.woo_id }))
  const reserved = reserveWooOrderLinkStep(reserveInput)
  const customer = createImportCustomerStep({ draft: input.draft })
  const orderInput = transform({ input, region_id, customer, variants, reserved }, ({ input, region_id, customer, variants, reserved }) => ({
    order_id: reserved.order_id,
    draft: input.draft,
    region_id,
    customer_id: customer.customer_id,
    sales_channel_id: input.sales_channel_id,
    variants,
  }))
  const order = createImportedOrderStep(orderInput)
  const paymentInput = transform({ order, input }, ({ order, input }) => ({ order_id: order.id, draft: input.draft }))
  const payment = createImportedPaymentStep(paymentInput)

  const replay = transform({ payment, reconciled, input, order }, ({ payment, reconciled, input, order }) => {
    const { truth } = reconciled
    return {
      capture: { order_id: order.id, payment_id: payment.payment_id, amount: truth.captured, currency_code: input.draft.currency_code },
      refund: {
        order_id: order.id,
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

  const linkInput = transform({ reserved, input }, ({ reserved, input }) => ({
    link_id: reserved.link_id,
    woo_modified_at: input.draft.modified_at ?? input.draft.created_at,
    woo_status: input.draft.status,
  }))
  confirmWooOrderLinkStep(linkInput)
  when("imported-order-managed-in-klarna", { payment }, ({ payment }) => !!payment.managed_in_klarna).then(() => {
    emitEventStep(transform({ order }, ({ order }) => ({ eventName: WOO_ORDER_IMPORTED, data: { id: order.id } })))
  })
  const result = transform({ order, reconciled }, ({ order, reconciled }) => ({ order, differences: reconciled.differences }))
  return new WorkflowResponse(result)
})
