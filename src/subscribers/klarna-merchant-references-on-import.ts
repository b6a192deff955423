import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../modules/klarna-order-management"
import { runKlarnaAction } from "../workflows/klarna-action/run-klarna-action"
import { merchantReferencesOperationKey, setKlarnaMerchantReferencesAction } from "../workflows/set-klarna-merchant-references"
import { WOO_ORDER_IMPORTED } from "../workflows/woocommerce-import/order-imported-event"

/**
 * An imported WooCommerce order keeps WooCommerce's references in Klarna;
 * only when the merchant chose Medusa's number for imported orders is it set.
 * Checked here first, so an import of thousands of orders makes no Klarna call
 * and no event-log entry by default.
 */
export default async function klarnaMerchantReferencesOnImport({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  if ((await om.getSettings()).imported_reference1 !== "medusa") {
    return
  }
  await runKlarnaAction(container, setKlarnaMerchantReferencesAction, {
    order_id: data.id,
    input: { order_id: data.id, respect_toggle: true },
    operation_key: merchantReferencesOperationKey(data.id),
  })
}

export const config: SubscriberConfig = {
  event: WOO_ORDER_IMPORTED,
  context: { subscriberId: "klarna-merchant-references-on-import" },
}
