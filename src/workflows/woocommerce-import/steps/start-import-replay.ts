import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { writePaymentData } from "./import-replay-flag"

/**
 * Puts a Klarna payment in the provider's import replay: captures, refunds
 * and cancellations are then recorded in Medusa without calling Klarna. If
 * the replay fails, the flag is switched off again.
 */
export const startImportReplayStep = createStep(
  "start-import-replay",
  async (input: { payment_id?: string; active: boolean }, { container }) => {
    if (!input.active || !input.payment_id) {
      return new StepResponse(undefined)
    }
    await writePaymentData(container, input.payment_id, { import_replay: true })
    return new StepResponse(undefined, input.payment_id)
  },
  async (paymentId, { container }) => {
    if (paymentId) {
      await writePaymentData(container, paymentId, { import_replay: false })
    }
  }
)
