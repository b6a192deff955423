import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sumMinor } from "../../../klarna/utils/currency"

export type ImportedPaymentLedger = { id: string; provider_id: string; captured: number; refunded: number }

/** The imported order's active payment with what its ledger holds (minor units), or null. */
export const loadImportedPaymentStep = createStep(
  "load-imported-payment",
  async (input: { order_id: string; currency_code: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: ["id", "status", "payment_collections.payments.*", "payment_collections.payments.captures.*", "payment_collections.payments.refunds.*"],
      filters: { id: input.order_id },
    })
    const payment = ((order as any)?.payment_collections ?? []).flatMap((c: any) => c.payments ?? []).find((p: any) => !p.canceled_at)
    if (!payment) {
      return new StepResponse(null as ImportedPaymentLedger | null)
    }
    const ledger: ImportedPaymentLedger = {
      id: payment.id,
      provider_id: payment.provider_id,
      captured: sumMinor(payment.captures, input.currency_code),
      refunded: sumMinor(payment.refunds, input.currency_code),
    }
    return new StepResponse(ledger as ImportedPaymentLedger | null)
  }
)
