import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refetchPayment } from "@medusajs/medusa/api/admin/payments/helpers"
import { defaultAdminPaymentFields } from "@medusajs/medusa/api/admin/payments/query-config"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { refundKlarnaPaymentWorkflow } from "../../workflows/refund-klarna-payment"
import { isManagedProviderId } from "../../klarna/provider-ids"

type RefundBody = { amount?: number; refund_reason_id?: string; note?: string }

/**
 * `POST /admin/payments/:id/refund` for a Klarna payment of an order: the
 * plugin's refund workflow (plan with Klarna's order in view, then Medusa's
 * own refund workflow) instead of Medusa's route, answering what the route
 * answers. Medusa's refund workflow has no hook for the plan. Failures land
 * in the order's Klarna event log. Other payments go on to Medusa's route.
 */
export async function refundKlarnaPayment(request: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const req = request as AuthenticatedMedusaRequest<RefundBody>
  const paymentId = req.params.id
  let orderId: string | undefined
  try {
    orderId = await klarnaOrderIdOfPayment(req.scope, paymentId)
  } catch (e) {
    return next(e)
  }
  if (!orderId) {
    return next()
  }
  // Validated by Medusa's own middlewares for this route, which run first.
  const { amount, refund_reason_id, note } = (req.validatedBody ?? {}) as RefundBody
  try {
    await refundKlarnaPaymentWorkflow(req.scope).run({
      input: { payment_id: paymentId, order_id: orderId, amount, refund_reason_id, note, created_by: req.auth_context?.actor_id },
    })
  } catch (e) {
    await recordRefundFailure(req, orderId, e).catch(() => undefined)
    return next(e)
  }
  try {
    const payment = await refetchPayment(paymentId, req.scope, req.queryConfig?.fields ?? defaultAdminPaymentFields)
    res.status(200).json({ payment })
  } catch (e) {
    next(e)
  }
}

async function klarnaOrderIdOfPayment(container: MedusaContainer, paymentId: string): Promise<string | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "provider_id", "payment_collection.order.id"],
    filters: { id: paymentId },
  })
  const payment = data[0] as any
  return payment && isManagedProviderId(payment.provider_id) ? payment.payment_collection?.order?.id : undefined
}

async function recordRefundFailure(req: AuthenticatedMedusaRequest<RefundBody>, orderId: string, error: unknown) {
  const err = (error ?? {}) as { message?: string; correlationId?: string; errorCode?: string }
  const message = err.message ?? String(error)
  const om = req.scope.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  await om.recordEvent({
    order_id: orderId,
    payment_id: req.params.id,
    action: "refund",
    outcome: "failed",
    actor: req.auth_context?.actor_id ? `user:${req.auth_context.actor_id}` : "admin",
    message: message.startsWith("Could not refund") ? message : `Could not refund Klarna order. ${message}`,
    correlation_id: err.correlationId,
    error_code: err.errorCode,
  })
}
