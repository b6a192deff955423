import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { importedKlarnaProviderId, reconcilesWithKlarna, type ImportedOrderDraft, type KlarnaOrderRead } from "../../../woocommerce"
import { klarnaClientFor } from "../../../providers/klarna/provider-client"

/**
 * Klarna's (or Kustom's, for Klarna Checkout) order for the imported order, when reconciling. A failed read is
 * not the import's failure: it is reported and WooCommerce's amounts are used.
 */
export async function readImportKlarnaOrder(container: MedusaContainer, draft: ImportedOrderDraft, reconcile: boolean): Promise<KlarnaOrderRead> {
  if (!reconcilesWithKlarna(draft, reconcile)) {
    return null
  }
  try {
    const order = await klarnaClientFor(container, importedKlarnaProviderId(draft)).getOrder(draft.klarna.klarna_order_id!)
    return { order: { captured_amount: order.captured_amount, refunded_amount: order.refunded_amount, status: order.status } }
  } catch (e) {
    return { error: (e as Error).message }
  }
}

export const readImportKlarnaOrderStep = createStep(
  "read-import-klarna-order",
  async (input: { draft: ImportedOrderDraft; reconcile: boolean }, { container }) => new StepResponse(await readImportKlarnaOrder(container, input.draft, input.reconcile))
)
