import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { WebhookReceivedEvent } from "./list-klarna-sessions-in-review"

/** Hands the notifications to Medusa's webhook handling, as its hook route would. */
export const emitKlarnaNotificationsStep = createStep("emit-klarna-notifications", async (events: WebhookReceivedEvent[], { container }) => {
  if (events.length) {
    await container.resolve(Modules.EVENT_BUS).emit(events)
  }
  return new StepResponse(events.length)
})
