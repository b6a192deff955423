import { Modules } from "@medusajs/framework/utils"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** Records a cancellation made before the cut-over. Not undone: Medusa cannot reopen a canceled payment. */
export const cancelImportedPaymentStep = createStep(
  "cancel-imported-payment",
  async (input: { payment_id?: string; cancel: boolean }, { container }) => {
    if (input.payment_id && input.cancel) {
      await container.resolve<IPaymentModuleService>(Modules.PAYMENT).cancelPayment(input.payment_id)
    }
    return new StepResponse(undefined)
  }
)
