import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { orderIdForPayment } from "../../lib/refunds/find-order-for-payment"
import { planKlarnaRefund, saveKlarnaRefundPlan } from "../../lib/refunds/plan-klarna-refund"

/**
 * Runs in front of Medusa's `POST /admin/payments/:id/refund`: plans what the
 * refund sends to Klarna (full, returned items, or good-will by VAT rate) and
 * refuses — before Medusa records anything — what Klarna or the merchant's
 * VAT policy would not allow. Failures land in the order's Klarna event log.
 */
export async function planKlarnaRefundBeforeRefund(request: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const req = request as AuthenticatedMedusaRequest<{ amount?: number }>
  const paymentId = req.params.id
  const body = (req.validatedBody ?? req.body ?? {}) as { amount?: number }
  const logFailure = async (message: string, extra: { correlation_id?: string; error_code?: string } = {}) => {
    const orderId = await orderIdForPayment(req.scope, paymentId).catch(() => undefined)
    if (!orderId) return
    const om = req.scope.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    await om.recordEvent({
      order_id: orderId,
      payment_id: paymentId,
      action: "refund",
      outcome: "failed",
      actor: req.auth_context?.actor_id ? `user:${req.auth_context.actor_id}` : "admin",
      message: message.startsWith("Could not refund") ? message : `Could not refund Klarna order. ${message}`,
      ...extra,
    })
  }
  try {
    const plan = await planKlarnaRefund(req.scope, paymentId, body.amount)
    if (!plan) {
      return next()
    }
    await saveKlarnaRefundPlan(req.scope, paymentId, plan)
    const json = res.json.bind(res)
    res.json = (payload: any) => {
      if (res.statusCode >= 400) {
        void logFailure(String(payload?.message ?? "The refund failed."))
      }
      return json(payload)
    }
    return next()
  } catch (e) {
    const err = e as { message?: string; correlationId?: string; errorCode?: string }
    await logFailure(err.message ?? String(e), { correlation_id: err.correlationId, error_code: err.errorCode }).catch(() => undefined)
    return next(e)
  }
}
