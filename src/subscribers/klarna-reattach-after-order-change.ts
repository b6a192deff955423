import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reattachKlarnaAction } from "../workflows/reattach-klarna-payment"
import { runKlarnaAction } from "../workflows/klarna-action/run-klarna-action"

type ChangeEvent = { order_id?: string; id?: string }

/** After a confirmed order edit/claim/exchange, the order's new payment is backed by the same Klarna order. */
export default async function klarnaReattachAfterOrderChange({ event: { data }, container }: SubscriberArgs<ChangeEvent>) {
  const orderId = data.order_id ?? data.id
  if (!orderId) {
    return
  }
  await runKlarnaAction(container, reattachKlarnaAction, {
    order_id: orderId,
    input: { order_id: orderId },
    operation_key: `reattach:${orderId}:${Date.now()}`,
  })
}

export const config: SubscriberConfig = {
  event: ["order-edit.confirmed", "order.claim_created", "order.exchange_created"],
  context: { subscriberId: "klarna-reattach-after-order-change" },
}
