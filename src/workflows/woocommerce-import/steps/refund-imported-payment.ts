import { Modules } from "@medusajs/framework/utils"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fromMinorUnitsToString } from "../../../klarna/utils/currency"
import { recordImportedTransactions } from "./record-imported-transactions"

export type ImportedRefund = { amount: number; note: string }

/**
 * Records refunds made before the cut-over in Medusa's ledger, in order, with
 * the order transactions Medusa's own refund adds. Not
 * undone: Medusa has no way to remove a refund, and a re-run replays only
 * what the ledger still lacks.
 */
export const refundImportedPaymentStep = createStep(
  "refund-imported-payment",
  async (input: { order_id: string; payment_id?: string; refunds: ImportedRefund[]; currency_code: string }, { container }) => {
    if (input.payment_id && input.refunds.length) {
      const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
      for (const refund of input.refunds) {
        await payments.refundPayment({ payment_id: input.payment_id, amount: fromMinorUnitsToString(refund.amount, input.currency_code), note: refund.note } as any)
      }
      await recordImportedTransactions(container, input.order_id, input.payment_id)
    }
    return new StepResponse(undefined)
  }
)
