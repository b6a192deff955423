import { Modules, PaymentCollectionStatus } from "@medusajs/framework/utils"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * Records a cancellation made before the cut-over as Medusa's own order
 * cancel does: the payment canceled and its payment collection canceled, so
 * the order's payment status reads canceled. Not undone: Medusa cannot reopen
 * a canceled payment.
 */
export const cancelImportedPaymentStep = createStep(
  "cancel-imported-payment",
  async (input: { payment_id?: string; cancel: boolean }, { container }) => {
    if (input.payment_id && input.cancel) {
      const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
      await payments.cancelPayment(input.payment_id)
      const [payment] = await payments.listPayments({ id: input.payment_id }, { select: ["id", "payment_collection_id"] })
      await payments.updatePaymentCollections(payment.payment_collection_id, { status: PaymentCollectionStatus.CANCELED })
    }
    return new StepResponse(undefined)
  }
)
