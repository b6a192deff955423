import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { importedPaymentInput, type ImportedOrderDraft } from "../../../woocommerce"
import { fromMinorUnitsToString } from "../../../klarna/utils/currency"

/**
 * Gives an imported order its authorized payment: a Klarna payment naming the
 * same Klarna order (so it is managed in Klarna from Medusa afterwards), or
 * the system provider for other payment methods and Klarna's legacy gateways.
 * A Klarna payment starts in the provider's import replay, so its history is
 * recorded without any Klarna call until the replay is finished. Undone by
 * deleting the payment collection, with whatever was replayed into it.
 */
export const createImportedPaymentStep = createStep(
  "create-imported-payment",
  async (input: { order_id: string; draft: ImportedOrderDraft }, { container }) => {
    const { draft } = input
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    const money = (minor: number) => fromMinorUnitsToString(minor, draft.currency_code)
    const [collection] = await payments.createPaymentCollections([{ currency_code: draft.currency_code, amount: money(draft.totals.total) }])
    const undo = { order_id: input.order_id, payment_collection_id: collection.id }
    try {
      return new StepResponse(await authorizeImportedPayment(container, input, collection.id), undo)
    } catch (e) {
      // A failing step is not compensated itself: what it made before failing is undone here.
      await undoImportedPayment(container, undo).catch(() => undefined)
      throw e
    }
  },
  async (undo, { container }) => {
    if (undo) {
      await undoImportedPayment(container, undo)
    }
  }
)

async function undoImportedPayment(container: MedusaContainer, undo: { order_id: string; payment_collection_id: string }) {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link.dismiss({ [Modules.ORDER]: { order_id: undo.order_id }, [Modules.PAYMENT]: { payment_collection_id: undo.payment_collection_id } })
  await container.resolve(Modules.PAYMENT).deletePaymentCollections([undo.payment_collection_id])
}

async function authorizeImportedPayment(container: MedusaContainer, input: { order_id: string; draft: ImportedOrderDraft }, collectionId: string) {
  const { draft } = input
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  await container.resolve(ContainerRegistrationKeys.LINK).create({ [Modules.ORDER]: { order_id: input.order_id }, [Modules.PAYMENT]: { payment_collection_id: collectionId } })
  const { managed_in_klarna, ...sessionInput } = importedPaymentInput(draft)
  const session = await payments.createPaymentSession(collectionId, sessionInput)
  const payment = await payments.authorizePaymentSession(session.id, {})
  if (!payment) {
    throw new Error("The imported payment could not be authorized in Medusa.")
  }
  return { payment_id: payment.id, payment_collection_id: collectionId, managed_in_klarna }
}
