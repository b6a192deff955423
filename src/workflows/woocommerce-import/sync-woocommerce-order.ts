import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { describeWooReplay, planWooReplay, wooModifiedAt, type ImportedOrderDraft } from "../../woocommerce"
import { loadImportedPaymentStep } from "./steps/load-imported-payment"
import { startImportReplayStep } from "./steps/start-import-replay"
import { captureImportedPaymentStep } from "./steps/capture-imported-payment"
import { refundImportedPaymentStep } from "./steps/refund-imported-payment"
import { cancelImportedPaymentStep } from "./steps/cancel-imported-payment"
import { cancelImportedOrderStep } from "./steps/cancel-imported-order"
import { finishImportReplayStep } from "./steps/finish-import-replay"
import { updateWooOrderLinkStep } from "./steps/update-woo-order-link"
import { isKlarnaPayment } from "./steps/import-replay-flag"

export type SyncWooCommerceOrderWorkflowInput = {
  draft: ImportedOrderDraft
  /** The link of the order's earlier import. */
  link: { id: string; medusa_order_id: string }
}

export const syncWooCommerceOrderWorkflowId = "sync-woocommerce-order"

/**
 * Brings an already imported order up to date with what changed in
 * WooCommerce since (captured, refunded, cancelled there before the
 * cut-over), replaying only the difference into Medusa's ledger — never
 * calling Klarna — and remembers the WooCommerce state it was brought up to.
 * Returns a description of what changed.
 */
export const syncWooCommerceOrderWorkflow = createWorkflow(syncWooCommerceOrderWorkflowId, (input: SyncWooCommerceOrderWorkflowInput) => {
  const ledgerInput = transform({ input }, ({ input }) => ({ order_id: input.link.medusa_order_id, currency_code: input.draft.currency_code }))
  const payment = loadImportedPaymentStep(ledgerInput)
  const replay = transform({ payment, input }, ({ payment, input }) => {
    const plan = payment ? planWooReplay(input.draft, payment) : null
    const payment_id = plan ? payment!.id : undefined
    const currency_code = input.draft.currency_code
    return {
      changes: describeWooReplay(plan),
      flag: { payment_id, active: !!plan && isKlarnaPayment(payment!.provider_id) },
      capture: { order_id: input.link.medusa_order_id, payment_id, amount: plan?.capture ?? 0, currency_code },
      refund: { order_id: input.link.medusa_order_id, payment_id, refunds: plan?.refund ? [{ amount: plan.refund, note: "Refunded in WooCommerce" }] : [], currency_code },
      cancel: { payment_id, cancel: !!plan?.cancel },
      cancelOrder: { order_id: input.link.medusa_order_id, cancel: !!plan?.cancel },
    }
  })
  startImportReplayStep(replay.flag)
  captureImportedPaymentStep(replay.capture)
  refundImportedPaymentStep(replay.refund)
  cancelImportedPaymentStep(replay.cancel)
  cancelImportedOrderStep(replay.cancelOrder)
  finishImportReplayStep(replay.flag)

  const linkInput = transform({ input }, ({ input }) => ({ id: input.link.id, woo_modified_at: wooModifiedAt(input.draft), woo_status: input.draft.status }))
  updateWooOrderLinkStep(linkInput)
  return new WorkflowResponse(replay.changes)
})
