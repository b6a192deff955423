import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../../modules/klarna-order-management"
import { hasAuthorizationToken } from "../../../klarna/decisions/authorization-token"
import { recoverKlarnaAuthorizationAction } from "../../../workflows/recover-klarna-authorization"
import type { KlarnaActionPayload } from "../../../workflows/klarna-action/types"
import { isKlarnaPaymentsProviderId } from "../../../klarna/provider-ids"

/** How long the storefront's own checkout has before the plugin makes sure its Klarna authorization is not orphaned. */
export const AUTHORIZATION_RECOVERY_DELAY_MS = 2 * 60_000

/**
 * Runs in front of Medusa's `POST /store/carts/:id/complete`. Before Klarna's
 * create-order can be sent, it records that it is about to be, as a due
 * action: if the response is lost or the process dies, the retry job finds
 * the approved checkout a few minutes later and either places the order or
 * cancels the Klarna order (see recover-authorization). The checkout itself
 * never fails because of this.
 */
export async function recordKlarnaAuthorizationAttempt(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const cartId = req.params.id
  try {
    const session = await approvedKlarnaSession(req, cartId)
    if (session) {
      const om = req.scope.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
      const operationKey = `authorize:${session.id}`
      await om.recordEvent({
        order_id: cartId,
        action: "authorize",
        outcome: "pending_retry",
        attention: false,
        operation_key: operationKey,
        next_attempt_at: new Date(Date.now() + AUTHORIZATION_RECOVERY_DELAY_MS),
        message: "Checkout sent to Klarna; the plugin checks that it became an order.",
        payload: {
          workflow_id: recoverKlarnaAuthorizationAction.workflow_id,
          verb: recoverKlarnaAuthorizationAction.verb,
          input: { cart_id: cartId, payment_session_id: session.id, operation_key: operationKey },
        } satisfies KlarnaActionPayload,
      })
    }
  } catch (e) {
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`Klarna: could not record the checkout of cart ${cartId}: ${(e as Error).message}`)
  }
  next()
}

async function approvedKlarnaSession(req: MedusaRequest, cartId: string) {
  if (!/^[A-Za-z0-9_]{1,64}$/.test(cartId ?? "")) {
    return undefined
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at", "payment_collection.payment_sessions.*"],
    filters: { id: cartId },
  })
  const cart = data[0] as any
  if (!cart || cart.completed_at) {
    return undefined
  }
  return (cart.payment_collection?.payment_sessions ?? []).find(
    (s: any) => isKlarnaPaymentsProviderId(s.provider_id) && !s.authorized_at && hasAuthorizationToken(s.data ?? {})
  ) as { id: string } | undefined
}
