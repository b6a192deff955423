import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { KlarnaOrder } from "../../klarna/client"
import type { ReturnedItems } from "../../klarna/refunds/plan-refund"
import type { KlarnaPaymentData } from "../../klarna/types/payment-data"
import type { MedusaAmountRow } from "../../klarna/utils/currency"
import type { GoodwillPolicy } from "../../klarna/utils/refund-lines"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { klarnaClientFor } from "../../providers/klarna/provider-client"
import { returnedItemsToRefund } from "./returned-items"
import { isManagedProviderId } from "../../klarna/provider-ids"

/** Everything a refund plan of a Klarna payment decides on. */
export interface KlarnaRefundFacts {
  payment: { id: string; provider_id: string; currency_code: string; captures: MedusaAmountRow[]; refunds: MedusaAmountRow[] }
  order_id?: string
  klarna: KlarnaOrder
  /** When `klarna` was read (ISO). */
  klarna_read_at: string
  returned?: ReturnedItems
  policy: GoodwillPolicy
}

/** Reads the payment, Klarna's order, the returns not refunded yet and the VAT policy; null for payments that are not Klarna's. */
export async function loadKlarnaRefundFacts(container: MedusaContainer, paymentId: string): Promise<KlarnaRefundFacts | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [payment],
  } = await query.graph({
    entity: "payment",
    fields: ["id", "provider_id", "currency_code", "data", "captures.raw_amount", "refunds.raw_amount", "payment_collection.order.id"],
    filters: { id: paymentId },
  })
  const p = payment as any
  if (!p || !isManagedProviderId(p.provider_id)) {
    return null
  }
  const data = (p.data ?? {}) as KlarnaPaymentData
  if (!data.klarna_order_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Klarna order ID is missing, the Klarna order could not be refunded.")
  }
  const klarna = await klarnaClientFor(container, p.provider_id).getOrder(data.klarna_order_id)
  const klarna_read_at = new Date().toISOString()
  const orderId = p.payment_collection?.order?.id as string | undefined
  const returned = orderId ? await returnedItemsToRefund(container, orderId, data.refunded_return_ids ?? []) : undefined
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const policy = (await om.getSettings()).goodwill_vat_policy
  return {
    payment: { id: p.id, provider_id: p.provider_id, currency_code: p.currency_code, captures: p.captures ?? [], refunds: p.refunds ?? [] },
    order_id: orderId,
    klarna,
    klarna_read_at,
    returned,
    policy,
  }
}
