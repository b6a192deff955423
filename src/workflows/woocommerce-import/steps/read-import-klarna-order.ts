import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { reconcilesWithKlarna, type ImportedOrderDraft, type KlarnaOrderRead } from "../../../woocommerce"
import { klarnaClientFor } from "../../../providers/klarna/provider-client"

/**
 * Klarna's order for the imported order, when reconciling. A failed read is
 * not the import's failure: it is reported and WooCommerce's amounts are used.
 */
export const readImportKlarnaOrderStep = createStep(
  "read-import-klarna-order",
  async (input: { draft: ImportedOrderDraft; reconcile: boolean }, { container }) => {
    if (!reconcilesWithKlarna(input.draft, input.reconcile)) {
      return new StepResponse(null as KlarnaOrderRead)
    }
    try {
      const order = await klarnaClientFor(container).getOrder(input.draft.klarna.klarna_order_id!)
      const read: KlarnaOrderRead = { order: { captured_amount: order.captured_amount, refunded_amount: order.refunded_amount, status: order.status } }
      return new StepResponse(read)
    } catch (e) {
      return new StepResponse({ error: (e as Error).message } as KlarnaOrderRead)
    }
  }
)
