import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { klarnaMessages } from "../../klarna/messages"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"

export type RecordKlarnaAutomationSwitchStepInput = { order_id: string; enabled: boolean; reason: string | null; changed_by: string | null }

/** The order's event-log entry for the merchant switching its automatic Klarna management; removed on compensation. */
export const recordKlarnaAutomationSwitchStep = createStep(
  "record-klarna-automation-switch",
  async (input: RecordKlarnaAutomationSwitchStepInput, { container }) => {
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    const event = await om.recordEvent({
      order_id: input.order_id,
      action: "automation",
      outcome: "succeeded",
      actor: input.changed_by ?? "admin",
      message: klarnaMessages.automationSwitched(input.enabled, input.changed_by, input.reason),
      attention: false,
    })
    return new StepResponse(event, event.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE).deleteKlarnaEvents(id)
  }
)
