import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** Marks an imported order canceled, as it was in WooCommerce; undone by restoring its previous status. */
export const cancelImportedOrderStep = createStep(
  "cancel-imported-order",
  async (input: { order_id: string; cancel: boolean }, { container }) => {
    if (!input.cancel) {
      return new StepResponse(undefined)
    }
    const orders = container.resolve(Modules.ORDER)
    const [previous] = await orders.listOrders({ id: input.order_id }, { select: ["id", "status"] })
    await orders.updateOrders([{ id: input.order_id, status: "canceled" } as any])
    return new StepResponse(undefined, previous ? { id: previous.id, status: previous.status } : undefined)
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve(Modules.ORDER).updateOrders([{ id: previous.id, status: previous.status } as any])
    }
  }
)
