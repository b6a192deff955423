import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { runKlarnaAction } from "../workflows/klarna-action/run-klarna-action"
import { merchantReferencesOperationKey, setKlarnaMerchantReferencesAction } from "../workflows/set-klarna-merchant-references"

/** A placed order's number into its Klarna order (Klarna's portal and settlement files then name it). */
export default async function klarnaMerchantReferencesOnPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await runKlarnaAction(container, setKlarnaMerchantReferencesAction, {
    order_id: data.id,
    input: { order_id: data.id, respect_toggle: true },
    operation_key: merchantReferencesOperationKey(data.id),
  })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "klarna-merchant-references-on-placed" },
}
