import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { reconcilePaymentTruth, type ImportedOrderDraft, type ImportRegion, type PaymentTruth } from "../../woocommerce"
import { replayFitsLedger } from "./batch/imported-payment-rows"
import { prepareImportedOrdersStep } from "./steps/prepare-imported-orders"
import { readImportKlarnaOrdersStep } from "./steps/read-import-klarna-orders"
import { reserveWooOrderLinksStep } from "./steps/reserve-woo-order-links"
import { createImportCustomersStep } from "./steps/create-import-customers"
import { createImportedOrdersStep } from "./steps/create-imported-orders"
import { createImportedPaymentsStep } from "./steps/create-imported-payments"
import { recordImportedOrderTransactionsStep } from "./steps/record-imported-order-transactions"
import { confirmWooOrderLinksStep } from "./steps/confirm-woo-order-links"
import { managedInKlarna } from "../../woocommerce/klarna-history"
import { WOO_ORDER_IMPORTED } from "./order-imported-event"

export type ImportWooCommerceOrdersWorkflowInput = {
  /** New orders only (no Woo order link yet), each WooCommerce order once. */
  drafts: ImportedOrderDraft[]
  shop_url: string
  sales_channel_id?: string
  reconcile?: boolean
  regions?: ImportRegion[]
}

/**
 * What became of each draft: imported, rejected with the per-order path's
 * reason, or left to the per-order path (a replay Medusa's ledger refuses,
 * which that path reports with the module's own reason).
 */
export type BatchImportResult = { order_id: string; differences: string[] } | { rejected: string } | { per_order: true }

type Accepted = { index: number; draft: ImportedOrderDraft; region_id: string; email: string; truth: PaymentTruth; differences: string[] }

export const importWooCommerceOrdersWorkflowId = "import-woocommerce-orders"

/**
 * A page of new WooCommerce orders into Medusa at once: what the
 * import-woocommerce-order workflow makes of each order, with each module
 * written once for the page (links reserved first and confirmed last,
 * customers, orders, payments, order transactions). An order that cannot be
 * imported (no region, no email, a total Medusa would not come out at) is
 * rejected before anything is written, without failing the others; if a step
 * fails, the whole page is undone; if the process dies half-way, the reserved
 * links let the next run clean up and redo each order.
 */
export const importWooCommerceOrdersWorkflow = createWorkflow(importWooCommerceOrdersWorkflowId, (input: ImportWooCommerceOrdersWorkflowInput) => {
  const prepared = prepareImportedOrdersStep({ drafts: input.drafts, regions: input.regions })
  const klarnaInput = transform({ input, prepared }, ({ input, prepared }) => ({
    drafts: input.drafts.map((d, i) => ("rejected" in prepared.plans[i] ? null : d)),
    reconcile: !!input.reconcile,
  }))
  const klarna = readImportKlarnaOrdersStep(klarnaInput)
  const accepted = transform({ input, prepared, klarna }, ({ input, prepared, klarna }) => {
    const list: Accepted[] = []
    input.drafts.forEach((draft, index) => {
      const plan = prepared.plans[index]
      if ("rejected" in plan) return
      const { truth, differences } = reconcilePaymentTruth(draft, klarna[index])
      if (replayFitsLedger(draft, truth)) list.push({ index, draft, ...plan, truth, differences })
    })
    return list
  })

  const reserved = reserveWooOrderLinksStep(transform({ accepted, input }, ({ accepted, input }) => ({ shop_url: input.shop_url, woo_order_ids: accepted.map((a) => a.draft.woo_id) })))
  const customers = createImportCustomersStep(transform({ accepted }, ({ accepted }) => ({ orders: accepted.map((a) => ({ email: a.email, draft: a.draft })) })))
  const orderInput = transform({ accepted, customers, prepared, input, reserved }, ({ accepted, customers, prepared, input, reserved }) => ({
    orders: accepted.map((a, i) => ({ order_id: reserved[i].order_id, draft: a.draft, region_id: a.region_id, customer_id: customers.customer_ids[i] })),
    sales_channel_id: input.sales_channel_id,
    variants: prepared.variants,
  }))
  const orderIds = createImportedOrdersStep(orderInput)
  const payments = createImportedPaymentsStep(
    transform({ accepted, orderIds }, ({ accepted, orderIds }) => ({ orders: accepted.map((a, i) => ({ order_id: orderIds[i], draft: a.draft, truth: a.truth })) }))
  )
  recordImportedOrderTransactionsStep(payments)
  confirmWooOrderLinksStep(
    transform({ accepted, reserved }, ({ accepted, reserved }) => ({
      links: accepted.map(({ draft }, i) => ({ link_id: reserved[i].link_id, woo_modified_at: draft.modified_at ?? draft.created_at, woo_status: draft.status })),
    }))
  )

  const announced = transform({ accepted, orderIds }, ({ accepted, orderIds }) =>
    accepted.flatMap((a, i) => (managedInKlarna(a.draft) ? [{ id: orderIds[i] }] : []))
  )
  when("imported-orders-managed-in-klarna", { announced }, ({ announced }) => announced.length > 0).then(() => {
    emitEventStep(transform({ announced }, ({ announced }) => ({ eventName: WOO_ORDER_IMPORTED, data: announced })))
  })

  const results = transform({ input, prepared, accepted, orderIds }, ({ input, prepared, accepted, orderIds }) =>
    input.drafts.map((_, index): BatchImportResult => {
      const plan = prepared.plans[index]
      if ("rejected" in plan) return plan
      const at = accepted.findIndex((a) => a.index === index)
      return at < 0 ? { per_order: true } : { order_id: orderIds[at], differences: accepted[at].differences }
    })
  )
  return new WorkflowResponse(results)
})
