import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import type { ImportedOrderDraft } from "../../woocommerce"
import { fromMinorUnitsToString, sumMinor } from "../../klarna/utils/currency"

/**
 * Brings an already imported order up to date with what changed in
 * WooCommerce since (captured, refunded, cancelled there before the cut-over),
 * replaying only the difference into Medusa's ledger — never calling Klarna.
 * Returns a description of what changed.
 */
export async function replayWooChanges(container: MedusaContainer, orderId: string, draft: ImportedOrderDraft): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "status", "payment_collections.payments.*", "payment_collections.payments.captures.*", "payment_collections.payments.refunds.*"],
    filters: { id: orderId },
  })
  const payment = ((order as any)?.payment_collections ?? []).flatMap((c: any) => c.payments ?? []).find((p: any) => !p.canceled_at)
  if (!payment) {
    return []
  }
  const currency = draft.currency_code
  const money = (minor: number) => fromMinorUnitsToString(minor, currency)
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const changes: string[] = []
  const target = draft.medusa_status.payment
  const shouldBeCaptured = ["captured", "refunded", "partially_refunded"].includes(target) ? draft.totals.total : 0
  const captured = sumMinor(payment.captures, currency)
  const refunded = sumMinor(payment.refunds, currency)
  const wooRefunded = draft.refunds.reduce((s, r) => s + r.amount, 0)
  if (shouldBeCaptured <= captured && wooRefunded <= refunded && target !== "canceled") {
    return []
  }
  const isKlarna = String(payment.provider_id).startsWith("pp_klarna")
  const setReplay = async (on: boolean) => {
    if (!isKlarna) return
    const [fresh] = await payments.listPayments({ id: payment.id }, { select: ["id", "data"] })
    // UpdatePaymentDTO's type omits `data`, but the module persists (and merges) it.
    await payments.updatePayment({ id: payment.id, data: { ...(fresh?.data ?? {}), import_replay: on } } as any)
  }
  await setReplay(true)
  try {
    if (shouldBeCaptured > captured) {
      await payments.capturePayment({ payment_id: payment.id, amount: money(shouldBeCaptured - captured) })
      changes.push(`captured in WooCommerce: ${shouldBeCaptured - captured}`)
    }
    if (wooRefunded > refunded) {
      await payments.refundPayment({ payment_id: payment.id, amount: money(wooRefunded - refunded), note: "Refunded in WooCommerce" } as any)
      changes.push(`refunded in WooCommerce: ${wooRefunded - refunded}`)
    }
    if (target === "canceled" && captured === 0 && shouldBeCaptured === 0) {
      await payments.cancelPayment(payment.id)
      await container.resolve(Modules.ORDER).updateOrders([{ id: orderId, status: "canceled" } as any])
      changes.push("cancelled in WooCommerce")
    }
  } finally {
    await setReplay(false)
  }
  return changes
}
