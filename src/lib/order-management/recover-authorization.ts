import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { cancelUnplacedAuthorization } from "../../providers/klarna/core/unplaced-authorization"
import { klarnaProviderContextFor } from "./klarna-provider-client"
import { errorDetails, isRetryable } from "./retry-schedule"
import type { AutomationResult } from "./run-klarna-automation"

export interface RecoverAuthorizationInput {
  cart_id: string
  payment_session_id: string
  operation_key: string
}

/**
 * A checkout whose Klarna create-order may have happened without Medusa
 * hearing back (lost response, crash): once the storefront has had its chance,
 * the cart is completed here — the provider sends the identical create-order
 * again and gets the Klarna order it made — or, when the cart can no longer
 * become an order, that Klarna order is cancelled so the customer is not
 * charged. The event-log entry moves to the order once there is one.
 */
export async function recoverKlarnaAuthorization(container: MedusaContainer, input: RecoverAuthorizationInput): Promise<AutomationResult> {
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const placed = await orderOfCart(container, input.cart_id)
  if (placed) {
    await om.recordEvent({
      order_id: placed,
      action: "authorize",
      outcome: "succeeded",
      operation_key: input.operation_key,
      next_attempt_at: null,
      attention: false,
      message: "Klarna authorized the payment and the order was placed.",
    })
    return null
  }
  const { result, errors } = await completeCartWorkflow(container).run({ input: { id: input.cart_id }, throwOnError: false })
  const failure = errors?.[0]?.error
  if (!failure && result?.id) {
    await om.recordEvent({
      order_id: result.id,
      action: "authorize",
      outcome: "succeeded",
      operation_key: input.operation_key,
      next_attempt_at: null,
      attention: false,
      message:
        "The checkout did not hear back from Klarna; the plugin sent the same Klarna order request again and placed this order.",
    })
    return null
  }
  if (isRetryable(failure)) {
    throw failure
  }
  const payments = container.resolve(Modules.PAYMENT)
  const [session] = await payments.listPaymentSessions({ id: input.payment_session_id }, { select: ["id", "provider_id", "data"] })
  if (!session) {
    // Replaced by a new session: the provider's deletePayment cancelled what Klarna had made for it.
    return { outcome: "skipped", message: "The checkout's Klarna payment session was replaced before it became an order." }
  }
  const { options, client } = klarnaProviderContextFor(container, session.provider_id)
  const cancelled = await cancelUnplacedAuthorization(options, client, { ...(session.data ?? {}), session_id: session.id })
  const reason = errorDetails(failure).message
  container.resolve(ContainerRegistrationKeys.LOGGER).warn(
    cancelled
      ? `Klarna: cart ${input.cart_id} could not become an order (${reason}); Klarna order ${cancelled} was cancelled.`
      : `Klarna: cart ${input.cart_id} could not become an order (${reason}); no Klarna order had been made.`
  )
  return {
    outcome: cancelled ? "succeeded" : "skipped",
    klarna_order_id: cancelled ?? null,
    message: cancelled
      ? `The checkout could not become an order (${reason}); the Klarna order it had created was cancelled, so the customer is not charged.`
      : `The checkout could not become an order (${reason}); Klarna had not created an order.`,
  }
}

async function orderOfCart(container: MedusaContainer, cartId: string): Promise<string | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "order.id"], filters: { id: cartId } })
  return (data[0] as any)?.order?.id
}
