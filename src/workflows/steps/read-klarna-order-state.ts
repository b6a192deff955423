import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { KlarnaOrder } from "../../klarna/client"
import { klarnaClientFor } from "../../providers/klarna/provider-client"

export type KlarnaOrderState = { klarna: KlarnaOrder | null; klarna_error: { message: string; correlation_id?: string; error_code?: string } | null }

/** Klarna's order as it is now for the admin's view; a failed read is answered, not thrown. */
export const readKlarnaOrderStateStep = createStep(
  "read-klarna-order-state",
  async (input: { provider_id?: string; klarna_order_id: string }, { container }) => {
    try {
      return new StepResponse<KlarnaOrderState>({ klarna: await klarnaClientFor(container, input.provider_id).getOrder(input.klarna_order_id), klarna_error: null })
    } catch (e) {
      const err = e as { message: string; correlationId?: string; errorCode?: string }
      return new StepResponse<KlarnaOrderState>({
        klarna: null,
        klarna_error: { message: err.message, correlation_id: err.correlationId, error_code: err.errorCode },
      })
    }
  }
)
