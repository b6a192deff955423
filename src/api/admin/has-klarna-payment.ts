import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isManagedProviderId } from "../../klarna/provider-ids"

/** Whether the order is paid through a Klarna or Kustom provider (the plugin's routes act only then). */
export async function hasKlarnaPayment(req: MedusaRequest, orderId: string): Promise<boolean> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "payment_collections.payments.provider_id"], filters: { id: orderId } })
  return ((data[0] as any)?.payment_collections ?? []).some((c: any) => (c?.payments ?? []).some((p: any) => isManagedProviderId(p?.provider_id)))
}
