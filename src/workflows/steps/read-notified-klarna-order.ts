import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KlarnaApiError, type KlarnaOrder } from "../../klarna/client"
import { klarnaClientFor } from "../../providers/klarna/provider-client"

/**
 * The order a notification names, read back from Klarna (a notification's body is never trusted).
 * Null when Klarna has no such order; any other failure fails the step, so the event bus retries.
 */
export const readNotifiedKlarnaOrderStep = createStep(
  "read-notified-klarna-order",
  async (input: { provider_id: string; klarna_order_id: string }, { container }) => {
    try {
      return new StepResponse<KlarnaOrder | null>(await klarnaClientFor(container, input.provider_id).getOrder(input.klarna_order_id))
    } catch (e) {
      if (e instanceof KlarnaApiError && e.status === 404) {
        return new StepResponse<KlarnaOrder | null>(null)
      }
      throw e
    }
  }
)
