import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { buildKlarnaOrderLines } from "../../klarna/utils/order-lines"
import type { KlarnaCapturePlan } from "../../klarna/types/payment-data"
import { cartToLineSource } from "../../klarna/medusa/cart-line-source"
import { FULFILLMENT_TRACKING_FIELDS, trackingOfFulfillment } from "./fulfillment-tracking"

const TOTALS = ["total", "original_total", "tax_total", "original_tax_total"] as const

export type FulfillmentCapture = {
  order_id: string
  /** minor units; undefined = everything that remains (the last fulfilment) */
  amount?: number
  capture_plan: Omit<KlarnaCapturePlan, "amount">
}

/**
 * What a shipment (or delivery) captures: the value of its own items, sent with
 * those lines and the tracking numbers; the fulfilment that completes the
 * order captures whatever remains (including shipping).
 */
export async function fulfillmentCapture(
  container: MedusaContainer,
  fulfillmentId: string,
  trigger: "shipment.created" | "delivery.created"
): Promise<FulfillmentCapture | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [fulfillment],
  } = await query.graph({
    entity: "fulfillment",
    fields: [...FULFILLMENT_TRACKING_FIELDS, "items.line_item_id", "items.quantity", "order.id"],
    filters: { id: fulfillmentId },
  })
  const orderId = (fulfillment as any)?.order?.id as string | undefined
  if (!orderId) {
    return undefined
  }
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "currency_code",
      // a top-level total field makes the order module compute the line totals
      "total",
      "shipping_address.country_code",
      "items.*",
      "items.detail.*",
      "items.tax_lines.*",
      ...TOTALS.map((t) => `items.${t}`),
    ],
    filters: { id: orderId },
  })
  const o = order as any
  const done = (item: any) => Number(trigger === "delivery.created" ? item.detail?.delivered_quantity : item.detail?.shipped_quantity) || 0
  const isLast = (o.items ?? []).every((item: any) => done(item) >= Number(item.quantity))
  // The same shipping_info the tracking-after-capture path builds, so it never adds a number the capture carried.
  const shipping_info = trackingOfFulfillment(fulfillment)
  const description = `Fulfilment ${fulfillmentId}`
  if (isLast) {
    return { order_id: orderId, capture_plan: { shipping_info, description } }
  }
  const fulfilledQty = new Map<string, number>(((fulfillment as any).items ?? []).map((i: any) => [i.line_item_id, Number(i.quantity)]))
  const items = (o.items ?? [])
    .filter((item: any) => fulfilledQty.get(item.id))
    .map((item: any) => {
      const share = MathBN.div(fulfilledQty.get(item.id)!, item.quantity)
      const part = Object.fromEntries(TOTALS.map((t) => [t, MathBN.mult(item[t] ?? 0, share)]))
      return { ...item, ...part, quantity: fulfilledQty.get(item.id) }
    })
  if (!items.length) {
    return undefined
  }
  const amounts = buildKlarnaOrderLines(
    cartToLineSource({ id: orderId, currency_code: o.currency_code, items, shipping_methods: [], credit_lines: [] }, (o.shipping_address?.country_code ?? "").toUpperCase(), undefined as any)
  )
  return { order_id: orderId, amount: amounts.order_amount, capture_plan: { order_lines: amounts.order_lines, shipping_info, description } }
}
