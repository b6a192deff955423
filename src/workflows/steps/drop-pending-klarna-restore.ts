import { createStep } from "@medusajs/framework/workflows-sdk"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"

/** Medusa confirmed the change: Klarna keeps the update, the pending restore goes. */
export const dropPendingKlarnaRestoreStep = createStep("drop-pending-klarna-restore", async (input: { pending_id: string | null }, { container }) => {
  if (input.pending_id) {
    await container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE).deleteKlarnaEvents(input.pending_id)
  }
})
