import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { writePaymentData } from "./import-replay-flag"

/** Ends a Klarna payment's import replay: from now on it is managed in Klarna. The first import also drops the WooCommerce capture ids it matched against. */
export const finishImportReplayStep = createStep("finish-import-replay", async (input: { payment_id?: string; active: boolean; clear_capture_ids?: boolean }, { container }) => {
  if (input.active && input.payment_id) {
    await writePaymentData(container, input.payment_id, { import_replay: false, ...(input.clear_capture_ids ? { import_capture_ids: null } : {}) })
  }
  return new StepResponse(undefined)
})
