import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import type { KlarnaEventRow } from "../../modules/klarna-order-management/service"
import { rerunnable } from "../klarna-action/rerunnable"

/** An entry of the attention list, or a merchant-readable refusal. */
export async function loadListedAttention(container: MedusaContainer, id: string): Promise<KlarnaEventRow> {
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const [event] = await om.listKlarnaEvents({ id })
  if (!event) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Klarna event-log entry ${id} was not found.`)
  }
  if (!event.attention || event.resolved_at || !["failed", "needs_attention", "pending_retry"].includes(event.outcome)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This Klarna action no longer needs attention: it has been retried successfully or dismissed.")
  }
  return event
}

/** The attention entries with what the admin needs to act: the order's display id, the reason, whether Retry is possible. */
export async function describeAttention(container: MedusaContainer, events: KlarnaEventRow[]) {
  const orderIds = [...new Set(events.map((e) => e.order_id))]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = orderIds.length
    ? await query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } })
    : { data: [] as any[] }
  const displayIds = new Map((orders as any[]).map((o) => [o.id, o.display_id]))
  return events.map((e) => ({
    ...e,
    display_id: displayIds.get(e.order_id) ?? null,
    reason: e.message,
    retrying: e.outcome === "pending_retry",
    can_retry: !!rerunnable(e),
  }))
}
