import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { KlarnaAction } from "./klarna-action/types"
import { sendKlarnaShippingAddressStep, type SendKlarnaShippingAddressInput } from "./steps/send-klarna-shipping-address"

export const updateKlarnaShippingAddressWorkflowId = "update-klarna-shipping-address"

export const updateKlarnaShippingAddressAction: KlarnaAction = {
  workflow_id: updateKlarnaShippingAddressWorkflowId,
  action: "customer_details",
  verb: "update the shipping address of the",
}

/** The order's shipping address to Klarna's customer details (or back, after an edit Medusa did not take). */
export const updateKlarnaShippingAddressWorkflow = createWorkflow(updateKlarnaShippingAddressWorkflowId, (input: SendKlarnaShippingAddressInput) =>
  new WorkflowResponse(sendKlarnaShippingAddressStep(input))
)
