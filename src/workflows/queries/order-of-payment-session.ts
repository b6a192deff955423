import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

/** The order (if any) a Medusa payment session ended up in. */
export async function findOrderIdForPaymentSession(container: MedusaContainer, sessionId: string): Promise<string | undefined> {
  const payments = container.resolve(Modules.PAYMENT)
  const session = await payments.retrievePaymentSession(sessionId).catch(() => undefined)
  if (!session) {
    return undefined
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [collection],
  } = await query.graph({
    entity: "payment_collection",
    fields: ["id", "order.id"],
    filters: { id: session.payment_collection_id },
  })
  return (collection as any)?.order?.id
}
