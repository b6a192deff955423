import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { ImportedOrderFacts } from "../../klarna/decisions/missing-imported-order"

/** Where an order imported from WooCommerce was paid with Klarna; null for an order placed in Medusa. */
export async function importedKlarnaOrderFacts(container: MedusaContainer, orderId: string): Promise<ImportedOrderFacts | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "metadata", "payment_collections.payments.data"], filters: { id: orderId } })
  if (!(order as any)?.metadata?.woocommerce_id) {
    return null
  }
  const data = ((order as any).payment_collections ?? []).flatMap((c: any) => c.payments ?? []).map((p: any) => p.data ?? {}).find((d: any) => d.klarna_order_id) ?? {}
  return { payment_method: data.payment_method, environment: data.environment, region: data.region }
}
