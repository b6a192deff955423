import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ImportedOrderDraft } from "../../woocommerce"
import { createImportedPayment, type PaymentTruth } from "../../lib/woocommerce-import/replay-payment"

/** The imported order's payment, with its history replayed into Medusa's ledger (never into Klarna). */
export const createImportedPaymentStep = createStep(
  "create-imported-payment",
  async (input: { order_id: string; draft: ImportedOrderDraft; truth: PaymentTruth }, { container }) => {
    const created = await createImportedPayment(container, input.order_id, input.draft, input.truth)
    return new StepResponse(created, { order_id: input.order_id, payment_collection_id: created.payment_collection_id })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.dismiss({ [Modules.ORDER]: { order_id: undo.order_id }, [Modules.PAYMENT]: { payment_collection_id: undo.payment_collection_id } })
    await container.resolve(Modules.PAYMENT).deletePaymentCollections([undo.payment_collection_id])
  }
)
