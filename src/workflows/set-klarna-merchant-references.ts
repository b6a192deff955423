import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { KlarnaAction } from "./klarna-action/types"
import { setKlarnaMerchantReferencesStep, type SetKlarnaMerchantReferencesStepInput } from "./steps/set-klarna-merchant-references"

export const setKlarnaMerchantReferencesWorkflowId = "set-klarna-merchant-references"

export const setKlarnaMerchantReferencesAction: KlarnaAction = {
  workflow_id: setKlarnaMerchantReferencesWorkflowId,
  action: "merchant_references",
  verb: "set the merchant references on the",
}

/** The operation key of an order's merchant references: one entry per order, however often its events arrive. */
export const merchantReferencesOperationKey = (orderId: string) => `merchant-references:${orderId}`

/**
 * After the purchase, Medusa's order number into Klarna's order (the session
 * was created before the order existed). Answers the event-log entry.
 */
export const setKlarnaMerchantReferencesWorkflow = createWorkflow(setKlarnaMerchantReferencesWorkflowId, (input: SetKlarnaMerchantReferencesStepInput) => {
  return new WorkflowResponse(setKlarnaMerchantReferencesStep(input))
})
