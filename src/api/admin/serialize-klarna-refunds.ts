import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules, OrderChangeStatus } from "@medusajs/framework/utils"
import { withOrderRefundLock } from "../../lib/refunds/order-refund-lock"

/**
 * Runs in front of Medusa's `POST /admin/payments/:id/refund` for Klarna
 * payments: the rest of the request (the plugin's refund planning, Medusa's
 * refund workflow) holds the order's refund lock until the response is sent,
 * and a refund is refused before anything is sent while the order has an open
 * edit, claim, exchange or return request — Medusa would send the money and
 * then fail to record it on the order.
 */
export async function serializeKlarnaRefunds(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  let orderId: string | undefined
  try {
    orderId = await klarnaOrderIdForPayment(req, req.params.id)
  } catch (e) {
    return next(e)
  }
  if (!orderId) {
    return next()
  }
  let handedOn = false
  try {
    await withOrderRefundLock(req.scope, orderId, async () => {
      await refuseWhileOrderChangeIsOpen(req, orderId!)
      handedOn = true
      await new Promise<void>((resolve) => {
        res.once("finish", resolve)
        res.once("close", resolve)
        next()
      })
    })
  } catch (e) {
    if (!handedOn) {
      next(e)
    }
  }
}

async function klarnaOrderIdForPayment(req: MedusaRequest, paymentId: string): Promise<string | undefined> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "provider_id", "payment_collection.order.id"],
    filters: { id: paymentId },
  })
  const payment = data[0] as any
  return payment && String(payment.provider_id).startsWith("pp_klarna") ? payment.payment_collection?.order?.id : undefined
}

async function refuseWhileOrderChangeIsOpen(req: MedusaRequest, orderId: string) {
  const orders = req.scope.resolve(Modules.ORDER)
  const open = await orders.listOrderChanges({
    order_id: orderId,
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
