import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KlarnaApiError, type KlarnaOrder } from "../../klarna/client"
import { klarnaClientFor } from "../../providers/klarna/provider-client"

export type ReadKlarnaOrderInput = {
  provider_id?: string
  klarna_order_id: string
  /** Null instead of a failure when Klarna has no such order (a notification may name any id). */
  missing_ok?: boolean
}

/** Klarna's order as it is now; any other failure fails the step (a notification is then retried by the event bus). */
export const readKlarnaOrderStep = createStep("read-klarna-order", async (input: ReadKlarnaOrderInput, { container }) => {
  try {
    return new StepResponse<KlarnaOrder | null>(await klarnaClientFor(container, input.provider_id).getOrder(input.klarna_order_id))
  } catch (e) {
    if (input.missing_ok && e instanceof KlarnaApiError && e.status === 404) {
      return new StepResponse<KlarnaOrder | null>(null)
    }
    throw e
  }
})
