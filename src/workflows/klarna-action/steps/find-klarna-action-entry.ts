import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../../modules/klarna-order-management"
import type { KlarnaEventRow } from "../../../modules/klarna-order-management/service"

/** The event-log entry of one logical action, if it has run before. */
export const findKlarnaActionEntryStep = createStep("find-klarna-action-entry", async (input: { operation_key: string }, { container }) => {
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  return new StepResponse<KlarnaEventRow | null>((await om.findEventByOperationKey(input.operation_key)) ?? null)
})
