import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import type { KlarnaOrder } from "../../klarna/client"
import { applyOrderSnapshot } from "../../klarna/decisions/order-snapshot"

/**
 * Copies Klarna's order state (status, amounts, expiry, lines) into the
 * payment's data, over what the provider wrote while recording the sync.
 */
export const refreshKlarnaSnapshotStep = createStep(
  "refresh-klarna-snapshot",
  async (input: { payment_id: string; klarna: KlarnaOrder }, { container }) => {
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    const [payment] = await payments.listPayments({ id: input.payment_id }, { select: ["id", "data"] })
    const previous = (payment?.data ?? {}) as Record<string, unknown>
    // UpdatePaymentDTO's type omits `data`, but the module persists it (payment-module.ts updatePayment).
    await payments.updatePayment({ id: input.payment_id, data: applyOrderSnapshot(previous, input.klarna) } as any)
    return new StepResponse(undefined, { id: input.payment_id, data: previous })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<IPaymentModuleService>(Modules.PAYMENT).updatePayment(previous as any)
  }
)
