import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { cancelKlarnaAction } from "../workflows/cancel-klarna-order"
import { runKlarnaAction } from "../workflows/klarna-action/run-klarna-action"

/**
 * WooCommerce's "On order cancellation". The Klarna payment provider defers
 * Medusa's cancelPayment (an order edit calls it too); here the order really
 * was canceled, so its Klarna reservation is cancelled or released.
 */
export default async function klarnaCancelOnCancellation({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await runKlarnaAction(container, cancelKlarnaAction, {
    order_id: data.id,
    input: { order_id: data.id, respect_toggle: true },
    operation_key: `cancel:${data.id}`,
  })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "klarna-cancel-on-cancellation" },
}
