import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

/** An order with its payment collections and payments (and their captures/refunds). */
export async function fetchOrderPayments(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "status",
      "total",
      "currency_code",
      "payment_collections.id",
      "payment_collections.status",
      "payment_collections.amount",
      "payment_collections.payments.*",
      "payment_collections.payments.captures.*",
      "payment_collections.payments.refunds.*",
    ],
    filters: { id: orderId },
  })
  return order as any
}

export async function klarnaPaymentOf(container: MedusaContainer, orderId: string) {
  const order = await fetchOrderPayments(container, orderId)
  const payments = (order.payment_collections ?? []).flatMap((c: any) => c.payments ?? [])
  return payments.find((p: any) => p.provider_id === "pp_klarna_klarna" || p.provider_id === "pp_kustom_kustom")
}
