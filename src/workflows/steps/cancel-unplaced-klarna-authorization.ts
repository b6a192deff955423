import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { cancelUnplacedAuthorization } from "../../providers/klarna/core/unplaced-authorization"
import { klarnaProviderContextFor } from "../../providers/klarna/provider-client"

export type UnplacedAuthorization = { session_found: false } | { session_found: true; cancelled_klarna_order_id: string | null }

/**
 * A checkout that cannot become an order: the Klarna order its session had
 * made (if any) is cancelled, so the customer is not charged. Irreversible.
 */
export const cancelUnplacedKlarnaAuthorizationStep = createStep(
  "cancel-unplaced-klarna-authorization",
  async (input: { cart_id: string; payment_session_id: string; reason: string }, { container }) => {
    const payments = container.resolve(Modules.PAYMENT)
    const [session] = await payments.listPaymentSessions({ id: input.payment_session_id }, { select: ["id", "provider_id", "data"] })
    if (!session) {
      // Replaced by a new session: the provider's deletePayment cancelled what Klarna had made for it.
      return new StepResponse<UnplacedAuthorization>({ session_found: false })
    }
    const { options, client } = klarnaProviderContextFor(container, session.provider_id)
    const cancelled = (await cancelUnplacedAuthorization(options, client, { ...(session.data ?? {}), session_id: session.id })) ?? null
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(
      cancelled
        ? `Klarna: cart ${input.cart_id} could not become an order (${input.reason}); Klarna order ${cancelled} was cancelled.`
        : `Klarna: cart ${input.cart_id} could not become an order (${input.reason}); no Klarna order had been made.`
    )
    return new StepResponse<UnplacedAuthorization>({ session_found: true, cancelled_klarna_order_id: cancelled })
  }
)
