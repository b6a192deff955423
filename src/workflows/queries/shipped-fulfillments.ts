import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

/** The ids of the order's fulfilments that have shipped (their labels may carry tracking numbers). */
export async function shippedFulfillmentIds(container: MedusaContainer, orderId: string): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "fulfillments.id", "fulfillments.shipped_at", "fulfillments.canceled_at"], filters: { id: orderId } })
  const fulfillments: any[] = (data[0] as any)?.fulfillments ?? []
  return fulfillments.filter((f) => f.shipped_at && !f.canceled_at).map((f) => f.id)
}
