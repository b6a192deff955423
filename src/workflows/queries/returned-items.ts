import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { klarnaItemReference } from "../../klarna/medusa/cart-line-source"

/**
 * Items of the order's received returns that have not been refunded to Klarna
 * yet, keyed by the same `reference` the Klarna order lines carry (SKU, else
 * variant id, else line item id).
 */
export async function returnedItemsToRefund(container: MedusaContainer, orderId: string, alreadyRefunded: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "items.id",
      "items.variant_sku",
      "items.variant_id",
      "returns.id",
      "returns.status",
      "returns.items.*",
    ],
    filters: { id: orderId },
  })
  const o = order as any
  const reference = new Map<string, string>(
    (o?.items ?? []).map((i: any) => [i.id, klarnaItemReference(i)])
  )
  const returns = (o?.returns ?? []).filter(
    (r: any) => ["received", "partially_received"].includes(r.status) && !alreadyRefunded.includes(r.id)
  )
  const quantities = new Map<string, number>()
  for (const r of returns) {
    for (const item of r.items ?? []) {
      const ref = reference.get(item.item_id)
      const qty = Number(item.raw_received_quantity?.value ?? item.received_quantity ?? 0)
      if (ref && qty > 0) {
        quantities.set(ref, (quantities.get(ref) ?? 0) + qty)
      }
    }
  }
  return {
    return_ids: returns.map((r: any) => r.id as string),
    items: [...quantities.entries()].map(([ref, quantity]) => ({ reference: ref, quantity })),
  }
}
