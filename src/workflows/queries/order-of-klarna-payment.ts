import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { isManagedProviderId } from "../../klarna/provider-ids"

/** The order a payment belongs to, when it is a Klarna or Kustom payment; undefined otherwise. */
export async function orderOfKlarnaPayment(container: MedusaContainer, paymentId: string): Promise<string | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "payment", fields: ["id", "provider_id", "payment_collection.order.id"], filters: { id: paymentId } })
  const payment = data[0] as any
  return payment && isManagedProviderId(payment.provider_id) ? payment.payment_collection?.order?.id : undefined
}
