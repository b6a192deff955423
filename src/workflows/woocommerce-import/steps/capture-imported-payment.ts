import { Modules } from "@medusajs/framework/utils"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fromMinorUnitsToString } from "../../../klarna/utils/currency"
import { recordImportedTransactions } from "./record-imported-transactions"

/**
 * Records a capture made before the cut-over in Medusa's ledger, with the
 * order transaction Medusa's own capture adds. Not undone:
 * Medusa has no way to remove a capture, and a re-run replays only what the
 * ledger still lacks.
 */
export const captureImportedPaymentStep = createStep(
  "capture-imported-payment",
  async (input: { order_id: string; payment_id?: string; amount: number; currency_code: string }, { container }) => {
    if (input.payment_id && input.amount > 0) {
      const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
      await payments.capturePayment({ payment_id: input.payment_id, amount: fromMinorUnitsToString(input.amount, input.currency_code) })
      await recordImportedTransactions(container, input.order_id, input.payment_id)
    }
    return new StepResponse(undefined)
  }
)
