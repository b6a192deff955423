import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ImportedOrderDraft, PaymentTruth } from "../../../woocommerce"
import { importedPaymentRows } from "../batch/imported-payment-rows"

/** Bulk writers MedusaService generates for the payment module's models; its interface type leaves them out. */
type GeneratedPaymentWrites = {
  createPaymentSessions(data: object[]): Promise<unknown>
  createPayments(data: object[]): Promise<unknown>
  createCaptures(data: object[]): Promise<unknown>
  createRefunds(data: object[]): Promise<unknown>
}

type Undo = { order_ids: string[]; payment_collection_ids: string[] }

/**
 * The payments of a page's imported orders, written in bulk as they stand
 * after the per-order path's authorization and replay (see
 * `importedPaymentRows`): collections, order links, sessions, payments, then
 * captures and refunds, one call each. No provider is called, so Klarna is
 * not either. Answers each order's captures and refunds (for its order
 * transactions). Undone by unlinking and deleting the collections.
 */
export const createImportedPaymentsStep = createStep(
  "create-imported-payments",
  async (input: { orders: Array<{ order_id: string; draft: ImportedOrderDraft; truth: PaymentTruth }> }, { container }) => {
    const now = new Date()
    const rows = input.orders.map((o) => importedPaymentRows(o.draft, o.truth, now))
    const undo: Undo = { order_ids: input.orders.map((o) => o.order_id), payment_collection_ids: rows.map((r) => r.collection.id) }
    const ledgers = rows.map((r, i) => ({
      order_id: input.orders[i].order_id,
      currency_code: r.payment.currency_code,
      captures: r.captures.map((c) => ({ id: c.id, amount: c.amount })),
      refunds: r.refunds.map((f) => ({ id: f.id, amount: f.amount })),
    }))
    if (!rows.length) {
      return new StepResponse({ ledgers }, undo)
    }
    const payments = container.resolve<IPaymentModuleService & GeneratedPaymentWrites>(Modules.PAYMENT)
    await payments.createPaymentCollections(rows.map((r) => r.collection))
    try {
      await allSettled([
        container.resolve(ContainerRegistrationKeys.LINK).create(links(undo)),
        (async () => {
          await payments.createPaymentSessions(rows.map((r) => r.session))
          await payments.createPayments(rows.map((r) => r.payment))
          const captures = rows.flatMap((r) => r.captures)
          const refunds = rows.flatMap((r) => r.refunds)
          await allSettled([captures.length ? payments.createCaptures(captures) : null, refunds.length ? payments.createRefunds(refunds) : null])
        })(),
      ])
    } catch (e) {
      // A failing step is not compensated itself: what it made before failing is undone here.
      await undoImportedPayments(container, undo).catch(() => undefined)
      throw e
    }
    return new StepResponse({ ledgers }, undo)
  },
  async (undo, { container }) => {
    if (undo?.payment_collection_ids.length) {
      await undoImportedPayments(container, undo)
    }
  }
)

/** Waits for every write, then fails with the first failure: nothing is undone while a write still runs. */
async function allSettled(writes: Array<Promise<unknown> | null>) {
  const failed = (await Promise.allSettled(writes)).find((r): r is PromiseRejectedResult => r.status === "rejected")
  if (failed) throw failed.reason
}

const links = (undo: Undo) =>
  undo.order_ids.map((order_id, i) => ({ [Modules.ORDER]: { order_id }, [Modules.PAYMENT]: { payment_collection_id: undo.payment_collection_ids[i] } }))

async function undoImportedPayments(container: MedusaContainer, undo: Undo) {
  await container.resolve(ContainerRegistrationKeys.LINK).dismiss(links(undo))
  await container.resolve(Modules.PAYMENT).deletePaymentCollections(undo.payment_collection_ids)
}
