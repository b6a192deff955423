import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"

export type SetKlarnaOrderAutomationStepInput = { order_id: string; enabled: boolean; reason?: string | null; changed_by?: string | null }

export type KlarnaOrderAutomationState = Awaited<ReturnType<KlarnaOrderManagementService["orderAutomation"]>>

type Undo = { order_id: string; before: KlarnaOrderAutomationState }

/** Switches the order's automatic Klarna management; compensated by the switch as it was. */
export const setKlarnaOrderAutomationStep = createStep(
  "set-klarna-order-automation",
  async (input: SetKlarnaOrderAutomationStepInput, { container }) => {
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    const before = await om.setOrderAutomation(input.order_id, { enabled: input.enabled, reason: input.reason ?? null, changed_by: input.changed_by ?? null })
    const after = await om.orderAutomation(input.order_id)
    return new StepResponse<KlarnaOrderAutomationState, Undo>(after, { order_id: input.order_id, before })
  },
  async (undo, { container }) => {
    if (!undo) return
    const { enabled, reason, changed_by } = undo.before
    await container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE).setOrderAutomation(undo.order_id, { enabled, reason, changed_by })
  }
)
