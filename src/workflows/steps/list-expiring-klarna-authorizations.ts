import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { expiresWithin, KLARNA_MAX_AUTHORIZATION_DAYS } from "../../klarna/decisions/authorization-expiry"
import { isManagedProviderId } from "../../klarna/provider-ids"
import type { KlarnaPaymentData } from "../../klarna/types/payment-data"

export type ExpiringKlarnaAuthorization = {
  order_id: string
  display_id: number | null
  payment_id: string
  provider_id: string
  klarna_order_id: string
  data: KlarnaPaymentData
}

const CLOSED_ORDER = new Set(["canceled", "archived", "draft"])

/** Not every item fulfilled yet (Medusa's fulfillment status short of "fulfilled"). */
const awaitsFulfilment = (order: any) =>
  !CLOSED_ORDER.has(order?.status) &&
  (order?.items ?? []).some((i: any) => Number(i.detail?.fulfilled_quantity ?? 0) < Number(i.detail?.quantity ?? i.quantity ?? 0))

const DAY_MS = 86_400_000
/**
 * No reservation outlives Klarna's 180 days from its order's creation, which is never after
 * Medusa's payment: older payments are not read (a month's margin for clocks and imports).
 */
const LOOKBACK_DAYS = KLARNA_MAX_AUTHORIZATION_DAYS + 30

/**
 * Klarna and Kustom payments neither fully captured nor canceled, of orders
 * still awaiting fulfilment, whose stored expiry falls within `days` (or has
 * passed): the reservations the expiry job looks at. Every such payment is read,
 * page by page, however many uncaptured payments a shop keeps.
 */
export const listExpiringKlarnaAuthorizationsStep = createStep(
  "list-expiring-klarna-authorizations",
  async (input: { days: number; now: string; page_size?: number }, { container }) => {
    const now = Date.parse(input.now)
    const pageSize = input.page_size ?? 500
    const payments = container.resolve(Modules.PAYMENT)
    const due: any[] = []
    for (let skip = 0; ; skip += pageSize) {
      const page = await payments.listPayments({ captured_at: null, canceled_at: null, created_at: { $gte: new Date(now - LOOKBACK_DAYS * DAY_MS) } } as any, {
        select: ["id", "provider_id", "data", "payment_collection_id"],
        order: { created_at: "ASC", id: "ASC" },
        take: pageSize,
        skip,
      })
      due.push(...page.filter((p: any) => isManagedProviderId(p.provider_id) && p.data?.klarna_order_id && expiresWithin(p.data?.expires_at, input.days, now)))
      if (page.length < pageSize) break
    }
    if (!due.length) {
      return new StepResponse<ExpiringKlarnaAuthorization[]>([])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: collections } = await query.graph({
      entity: "payment_collection",
      fields: ["id", "order.id", "order.display_id", "order.status", "order.items.quantity", "order.items.detail.quantity", "order.items.detail.fulfilled_quantity"],
      filters: { id: [...new Set(due.map((p: any) => p.payment_collection_id))] },
    })
    const orderOf = new Map((collections as any[]).map((c) => [c.id, c.order]))
    return new StepResponse<ExpiringKlarnaAuthorization[]>(
      due.flatMap((p: any) => {
        const order = orderOf.get(p.payment_collection_id)
        return order && awaitsFulfilment(order)
          ? [{ order_id: order.id, display_id: order.display_id ?? null, payment_id: p.id, provider_id: p.provider_id, klarna_order_id: p.data.klarna_order_id, data: p.data }]
          : []
      })
    )
  }
)
