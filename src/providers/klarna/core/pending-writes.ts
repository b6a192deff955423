import { container } from "@medusajs/framework"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../../modules/klarna-order-management"

/**
 * The plugin's record of Klarna captures sent and not yet answered (see the
 * klarna_pending_write model). Without the plugin's module loaded there is no
 * record, and every capture reads Klarna's order first.
 */
export function pendingKlarnaWrites(): KlarnaOrderManagementService | undefined {
  return container.hasRegistration(KLARNA_ORDER_MANAGEMENT_MODULE)
    ? container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    : undefined
}
