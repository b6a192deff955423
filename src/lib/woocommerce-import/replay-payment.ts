import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import type { ImportedOrderDraft } from "../../woocommerce"
import { fromMinorUnitsToString } from "../../klarna/utils/currency"

export type PaymentTruth = { captured: number; refunds: Array<{ amount: number; reason: string | null }>; canceled: boolean }

/**
 * Gives an imported order its payment: a Klarna payment naming the same
 * Klarna order (so it is managed in Klarna from Medusa afterwards), or the
 * system provider for other payment methods and Klarna's legacy gateways. Its
 * history — captures, refunds, cancellation — is replayed into Medusa's ledger
 * without any Klarna call (the provider's import replay).
 */
export async function createImportedPayment(container: MedusaContainer, orderId: string, draft: ImportedOrderDraft, truth: PaymentTruth) {
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const money = (minor: number) => fromMinorUnitsToString(minor, draft.currency_code)
  const [collection] = await payments.createPaymentCollections([{ currency_code: draft.currency_code, amount: money(draft.totals.total) }])
  await link.create({ [Modules.ORDER]: { order_id: orderId }, [Modules.PAYMENT]: { payment_collection_id: collection.id } })

  const managedInKlarna = !!draft.klarna.klarna_order_id && !draft.klarna.legacy && !draft.klarna.om_disconnected
  const data = managedInKlarna
    ? {
        klarna_order_id: draft.klarna.klarna_order_id,
        payment_method: draft.klarna.payment_method,
        environment: draft.klarna.environment,
        region: draft.klarna.region,
        currency_code: draft.currency_code,
        import_replay: true,
        import_capture_ids: draft.klarna.capture_id ? [draft.klarna.capture_id] : [],
        imported_from: "woocommerce",
        captures: [],
        refunds: [],
      }
    : { imported_from: "woocommerce", woocommerce_payment_method: draft.klarna.woo_payment_method, klarna_order_id_history: draft.klarna.klarna_order_id }
  const session = await payments.createPaymentSession(collection.id, {
    provider_id: managedInKlarna ? "pp_klarna_klarna" : "pp_system_default",
    amount: money(draft.totals.total),
    currency_code: draft.currency_code,
    data,
  })
  const payment = await payments.authorizePaymentSession(session.id, {})
  if (!payment) {
    throw new Error("The imported payment could not be authorized in Medusa.")
  }
  if (truth.captured > 0) {
    await payments.capturePayment({ payment_id: payment.id, amount: money(truth.captured) })
  }
  for (const refund of truth.refunds) {
    await payments.refundPayment({ payment_id: payment.id, amount: money(refund.amount), note: refund.reason ?? "Refunded in WooCommerce" } as any)
  }
  if (truth.canceled && truth.captured === 0) {
    await payments.cancelPayment(payment.id)
  }
  if (managedInKlarna) {
    const [fresh] = await payments.listPayments({ id: payment.id }, { select: ["id", "data"] })
    // The module merges JSON on update, so the replay flag is switched off rather than removed.
    // (UpdatePaymentDTO's type omits `data`, but the module persists it.)
    await payments.updatePayment({ id: payment.id, data: { ...(fresh?.data ?? {}), import_replay: false, import_capture_ids: null } } as any)
  }
  return { payment_id: payment.id, payment_collection_id: collection.id, managed_in_klarna: managedInKlarna }
}
