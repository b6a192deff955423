import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import type { KlarnaCapturePlan } from "../../klarna/types/payment-data"

/**
 * Medusa's capture passes only the payment's `data` to the provider; the
 * order lines and tracking numbers of a fulfilment capture travel there.
 */
export const setKlarnaCapturePlanStep = createStep(
  "set-klarna-capture-plan",
  async (input: { payment_id: string; capture_plan?: KlarnaCapturePlan }, { container }) => {
    if (!input.capture_plan) {
      return new StepResponse(undefined)
    }
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    const [payment] = await payments.listPayments({ id: input.payment_id }, { select: ["id", "data"] })
    const previous = (payment?.data ?? {}) as Record<string, unknown>
    // UpdatePaymentDTO's type omits `data`, but the module persists it (payment-module.ts updatePayment).
    await payments.updatePayment({ id: input.payment_id, data: { ...previous, capture_plan: input.capture_plan } } as any)
    return new StepResponse(undefined, { id: input.payment_id, data: previous })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    // Medusa merges payment data on update: the plan is cleared, not left out.
    await payments.updatePayment({ id: previous.id, data: { ...previous.data, capture_plan: previous.data.capture_plan ?? null } } as any)
  }
)
