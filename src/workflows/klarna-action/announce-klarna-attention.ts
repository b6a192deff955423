import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { INotificationModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import type { KlarnaEventAction } from "../../modules/klarna-order-management/types/events"

type EventRow = { id: string; order_id: string; action: string; outcome: string; message: string; attempts?: number; attention?: boolean; resolved_at?: Date | string | null }

const FINAL = new Set(["failed", "needs_attention"])

/** Listed, finished without doing what was asked, and not resolved. */
export const isOpenAttention = (e?: EventRow | null) => !!e && !!e.attention && FINAL.has(e.outcome) && !e.resolved_at

/** What the merchant reads for each action in the admin's notification: every action has one. */
const ACTION_NAMES: Record<KlarnaEventAction, string> = {
  authorize: "authorization",
  capture: "capture",
  cancel: "cancellation",
  update: "order update",
  release: "release",
  extend: "extension",
  sync: "sync",
  refund: "refund",
  webhook: "fraud decision",
  error: "error",
  shipping_info: "tracking",
  merchant_references: "merchant reference update",
  customer_details: "shipping address update",
  automation: "automation switch",
  settlement: "settlement",
}

async function orderLabel(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderId } }).catch(() => ({ data: [] as any[] }))
  const displayId = (data[0] as any)?.display_id
  return displayId ? `order #${displayId}` : `order ${orderId}`
}

/**
 * When an automatic Klarna action has just come to need the merchant: a
 * warning in the server log and an entry in the admin's notification feed
 * (the bell), once per failure — a retry that fails again is not announced
 * again.
 */
export async function announceKlarnaAttention(container: MedusaContainer, previous: EventRow | null | undefined, event: EventRow | null | undefined) {
  if (!event || !isOpenAttention(event) || isOpenAttention(previous)) {
    return
  }
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const label = await orderLabel(container, event.order_id)
  const title = `Klarna ${ACTION_NAMES[event.action as KlarnaEventAction] ?? event.action} needs attention: ${label}`
  logger.warn(`${title}. ${event.message}`)
  try {
    const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
    await notifications.createNotifications({
      to: "",
      channel: "feed",
      template: "admin-ui",
      data: { title, description: `${event.message}\nOpen the order to retry or dismiss it.` },
      trigger_type: "klarna.attention",
      resource_type: "order",
      resource_id: event.order_id,
      idempotency_key: `klarna-attention:${event.id}:${event.attempts ?? 1}`,
    })
  } catch (e) {
    logger.error(`Klarna: could not add the admin notification for ${label}: ${(e as Error).message}`)
  }
}
