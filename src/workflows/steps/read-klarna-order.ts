import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { klarnaClientFor } from "../../providers/klarna/provider-client"

/** Klarna's order as it is now. */
export const readKlarnaOrderStep = createStep("read-klarna-order", async (input: { provider_id?: string; klarna_order_id: string }, { container }) => {
  return new StepResponse(await klarnaClientFor(container, input.provider_id).getOrder(input.klarna_order_id))
})
