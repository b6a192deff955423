import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { KlarnaShippingInfo } from "../../klarna/client/schemas"
import { klarnaItemReference } from "../../klarna/medusa/cart-line-source"
import { shipmentShippingInfo } from "../../klarna/decisions/shipment-tracking"
import { lineReference } from "../../klarna/utils/order-line-text"

export type FulfillmentTracking = {
  order_id: string
  fulfillment_id: string
  /** The Klarna line references of the fulfilled items, as the order's Klarna lines name them. */
  references: string[]
  /** One entry per tracking number on the fulfilment's labels. */
  shipping_info: KlarnaShippingInfo[]
}

/** The fields a fulfilment's tracking is built from (its labels, provider and shipping option). */
export const FULFILLMENT_TRACKING_FIELDS = [
  "id",
  "provider_id",
  "requires_shipping",
  "labels.tracking_number",
  "labels.tracking_url",
  "shipping_option.name",
  "shipping_option.type.code",
  "shipping_option.type.label",
]

/** A fulfilment's tracking as Klarna takes it, from the fulfilment as query.graph answers it. */
export const trackingOfFulfillment = (fulfillment: any): KlarnaShippingInfo[] =>
  shipmentShippingInfo(fulfillment?.labels ?? [], {
    provider_id: fulfillment?.provider_id,
    option_name: fulfillment?.shipping_option?.name,
    option_type: [fulfillment?.shipping_option?.type?.code, fulfillment?.shipping_option?.type?.label].filter(Boolean).join(" "),
    digital: fulfillment?.requires_shipping === false,
  })

/** What a shipped fulfilment tells Klarna: its order, its items' line references and its tracking. */
export async function fulfillmentTracking(container: MedusaContainer, fulfillmentId: string): Promise<FulfillmentTracking | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [fulfillment],
  } = await query.graph({
    entity: "fulfillment",
    fields: [...FULFILLMENT_TRACKING_FIELDS, "canceled_at", "items.line_item_id", "order.id"],
    filters: { id: fulfillmentId },
  })
  const f = fulfillment as any
  const orderId = f?.order?.id as string | undefined
  if (!orderId || f.canceled_at) {
    return undefined
  }
  const lineItemIds = new Set<string>((f.items ?? []).map((i: any) => i.line_item_id))
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "items.id", "items.variant_sku", "items.variant_id"], filters: { id: orderId } })
  const references = ((order as any)?.items ?? [])
    .filter((item: any) => lineItemIds.has(item.id))
    .map((item: any) => lineReference(klarnaItemReference(item), item.id))
    .filter((r: string | undefined): r is string => !!r)
  return { order_id: orderId, fulfillment_id: fulfillmentId, references, shipping_info: trackingOfFulfillment(f) }
}
