import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkKustomCheckoutStep } from "./steps/check-kustom-checkout"

export const validateKustomCheckoutWorkflowId = "validate-kustom-checkout"

/** Kustom asks, before taking the shopper's money, whether the purchase is still the cart. */
export const validateKustomCheckoutWorkflow = createWorkflow(validateKustomCheckoutWorkflowId, (input: { cart_id: string; checkout_order_id: string }) =>
  new WorkflowResponse(checkKustomCheckoutStep(input))
)
