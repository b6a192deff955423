import type { KlarnaShippingInfo } from "../client/schemas"
import { cleanText, klarnaUrl, truncate } from "../utils/order-line-text"
import { klarnaShippingCompany, klarnaShippingMethod, type ShipmentHints } from "./shipping-method"

export type ShipmentLabel = { tracking_number?: string | null; tracking_url?: string | null }

const MAX_TRACKING_NUMBER = 100
const MAX_COMPANY = 100

/**
 * Klarna's `shipping_info` for a shipment: one entry per tracking number on
 * its labels (a label without one tells Klarna nothing), with the carrier and
 * the way it travels when the provider or option says so.
 */
export function shipmentShippingInfo(labels: ShipmentLabel[], hints: Omit<ShipmentHints, "tracking_url">): KlarnaShippingInfo[] {
  const seen = new Set<string>()
  const method = klarnaShippingMethod(hints)
  return labels.flatMap((label) => {
    const number = truncate(cleanText(label.tracking_number), MAX_TRACKING_NUMBER)
    if (!number || seen.has(number)) return []
    seen.add(number)
    const company = klarnaShippingCompany({ ...hints, tracking_url: label.tracking_url })
    const uri = klarnaUrl(label.tracking_url)
    return [
      {
        ...(company ? { shipping_company: truncate(company, MAX_COMPANY) } : {}),
        ...(method ? { shipping_method: method } : {}),
        tracking_number: number,
        ...(uri ? { tracking_uri: uri } : {}),
      },
    ]
  })
}
