import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { errorDetails, isRetryable } from "../../klarna/decisions/action-retry"

export type RecoveredCart = { order_id: string; reason?: undefined } | { order_id?: undefined; reason: string }

/**
 * Completes a cart whose checkout did not hear back from Klarna: the provider
 * sends the identical create-order again and gets the Klarna order it made.
 * Klarna being unavailable fails the step (the action is retried later); a
 * cart that cannot become an order answers why.
 */
export const completeRecoveredCartStep = createStep("complete-recovered-cart", async (input: { cart_id: string }, { container }) => {
  const { result, errors } = await completeCartWorkflow(container).run({ input: { id: input.cart_id }, throwOnError: false })
  const failure = errors?.[0]?.error
  if (!failure && result?.id) {
    return new StepResponse<RecoveredCart>({ order_id: result.id })
  }
  if (isRetryable(failure)) {
    throw failure
  }
  return new StepResponse<RecoveredCart>({ reason: errorDetails(failure).message })
})
