import { MedusaError, Modules, OrderChangeStatus } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"

/**
 * Medusa sends a refund first and records it on the order after: with an
 * edit, claim, exchange or return request open, it would send the money and
 * then fail to record it. Such a refund is refused before anything is sent.
 */
export const refuseRefundDuringOrderChangeStep = createStep(
  "refuse-refund-during-order-change",
  async (input: { order_id: string }, { container }) => {
    const orders = container.resolve(Modules.ORDER)
    const open = await orders.listOrderChanges({
      order_id: input.order_id,
      status: [OrderChangeStatus.PENDING, OrderChangeStatus.REQUESTED],
    })
    if (open.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The order has an open ${open[0].change_type ?? "change"} request. Confirm or cancel it before refunding: ` +
          "Medusa would send the refund to Klarna and then fail to record it on the order."
      )
    }
  }
)
