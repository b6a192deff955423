import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../modules/klarna-order-management"
import type { KlarnaPaymentData } from "../klarna/types/payment-data"
import { formatMinorUnits } from "../klarna/utils/currency"
import { isManagedProviderId } from "../klarna/provider-ids"

/** "Klarna refund of 199,00 SEK completed (good-will, 25 % VAT). Refund ID …" in the order's Klarna log. */
export default async function klarnaRefundLogged({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [payment],
  } = await query.graph({
    entity: "payment",
    fields: ["id", "provider_id", "currency_code", "data", "payment_collection.order.id"],
    filters: { id: data.id },
  })
  const p = payment as any
  const orderId = p?.payment_collection?.order?.id
  if (!p || !isManagedProviderId(p.provider_id) || !orderId) {
    return
  }
  const klarna = p.data as KlarnaPaymentData
  const refund = klarna.refunds?.[klarna.refunds.length - 1]
  if (!refund) {
    return
  }
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const [existing] = await om.listKlarnaEvents({ klarna_refund_id: refund.refund_id })
  if (existing) {
    return
  }
  const actor = await refundActor(container, refund.medusa_refund_id)
  const currency = klarna.currency_code ?? p.currency_code
  const how = refund.adopted ? "made in Klarna, recorded in Medusa" : refund.summary ?? "amount"
  await om.recordEvent({
    order_id: orderId,
    payment_id: p.id,
    action: "refund",
    outcome: "succeeded",
    actor,
    operation_key: `refund:${refund.refund_id}`,
    amount: refund.amount,
    currency_code: currency,
    klarna_order_id: klarna.klarna_order_id,
    klarna_refund_id: refund.refund_id,
    message: `Klarna refund of ${formatMinorUnits(refund.amount, currency)} completed (${how}). Refund ID ${refund.refund_id}.`,
    payload: { kind: refund.kind ?? null, medusa_refund_id: refund.medusa_refund_id ?? null },
  })
}

/** Who refunded: the admin Medusa's refund route records as `created_by`, else the automation. */
async function refundActor(container: MedusaContainer, medusaRefundId?: string) {
  if (!medusaRefundId) {
    return "automation"
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "refund", fields: ["id", "created_by"], filters: { id: medusaRefundId } })
  const createdBy = (data[0] as any)?.created_by as string | undefined
  return createdBy ? `user:${createdBy}` : "automation"
}

export const config: SubscriberConfig = {
  event: "payment.refunded",
  context: { subscriberId: "klarna-refund-logged" },
}
