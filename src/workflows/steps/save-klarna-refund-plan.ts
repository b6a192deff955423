import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import type { KlarnaRefundPlan } from "../../klarna/types/payment-data"

/** Medusa's refund passes only the payment's `data` to the provider: the plan travels there. */
export const saveKlarnaRefundPlanStep = createStep(
  "save-klarna-refund-plan",
  async (input: { payment_id: string; plan: KlarnaRefundPlan }, { container }) => {
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    const [payment] = await payments.listPayments({ id: input.payment_id }, { select: ["id", "data"] })
    const data = (payment?.data ?? {}) as Record<string, unknown>
    // UpdatePaymentDTO's type omits `data`, but the module persists it.
    await payments.updatePayment({ id: input.payment_id, data: { ...data, refund_plan: input.plan } } as any)
    return new StepResponse(undefined, { id: input.payment_id, previous: (data.refund_plan ?? null) as KlarnaRefundPlan | null })
  },
  async (saved, { container }) => {
    if (!saved) {
      return
    }
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    // Read again: the provider may have written its refund records since; only the plan is put back.
    const [payment] = await payments.listPayments({ id: saved.id }, { select: ["id", "data"] })
    await payments.updatePayment({ id: saved.id, data: { ...(payment?.data ?? {}), refund_plan: saved.previous ?? null } } as any)
  }
)
