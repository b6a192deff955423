import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { expiresWithin } from "../../klarna/decisions/authorization-expiry"
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

/**
 * Klarna and Kustom payments neither fully captured nor canceled, of orders
 * still awaiting fulfilment, whose stored expiry falls within `days` (or has
 * passed): the reservations the expiry job looks at.
 */
export const listExpiringKlarnaAuthorizationsStep = createStep(
  "list-expiring-klarna-authorizations",
  async (input: { days: number; now: string }, { container }) => {
    const payments = await container.resolve(Modules.PAYMENT).listPayments({ captured_at: null, canceled_at: null } as any, {
      select: ["id", "provider_id", "data", "payment_collection_id"],
      order: { created_at: "ASC" },
      take: 10_000,
    })
    const due = payments.filter(
      (p: any) => isManagedProviderId(p.provider_id) && p.data?.klarna_order_id && expiresWithin(p.data?.expires_at, input.days, Date.parse(input.now))
    )
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
