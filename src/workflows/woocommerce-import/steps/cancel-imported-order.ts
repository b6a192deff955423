import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** Marks an imported order canceled (status and date), as it was in WooCommerce; undone by restoring what it was. */
export const cancelImportedOrderStep = createStep(
  "cancel-imported-order",
  async (input: { order_id: string; cancel: boolean }, { container }) => {
    if (!input.cancel) {
      return new StepResponse(undefined)
    }
    const orders = container.resolve(Modules.ORDER)
    const [previous] = await orders.listOrders({ id: input.order_id }, { select: ["id", "status", "canceled_at"] })
    await orders.updateOrders([{ id: input.order_id, status: "canceled", canceled_at: new Date() } as any])
    return new StepResponse(undefined, previous ? { id: previous.id, status: previous.status, canceled_at: previous.canceled_at ?? null } : undefined)
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve(Modules.ORDER).updateOrders([{ id: previous.id, status: previous.status, canceled_at: previous.canceled_at } as any])
    }
  }
)
