import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { KlarnaAction, KlarnaActionResult } from "./klarna-action/types"
import { findOrderOfCartStep } from "./steps/find-order-of-cart"
import { completeRecoveredCartStep } from "./steps/complete-recovered-cart"
import { readKustomPurchaseStep } from "./steps/read-kustom-purchase"
import { formatMinorUnits } from "../klarna/utils/currency"

export const completeKustomCheckoutWorkflowId = "complete-kustom-checkout"

export const completeKustomCheckoutAction: KlarnaAction = { workflow_id: completeKustomCheckoutWorkflowId, action: "authorize", verb: "complete the checkout of the" }

export interface CompleteKustomCheckoutInput {
  cart_id: string
  checkout_order_id: string
}

/**
 * Kustom's push for a checkout the shopper paid in: the cart becomes an order
 * once, whichever of the push and the storefront's confirmation gets there
 * first (Medusa completes a cart once; the provider acknowledges the Kustom
 * order when it authorizes). A purchase Medusa cannot place is left for the
 * merchant with the reason — Kustom holds the money, nothing is cancelled.
 */
export const completeKustomCheckoutWorkflow = createWorkflow(completeKustomCheckoutWorkflowId, (input: CompleteKustomCheckoutInput) => {
  const existing = findOrderOfCartStep({ cart_id: input.cart_id })
  const purchase = when("kustom-checkout-not-placed", { existing }, ({ existing }) => !existing).then(() => readKustomPurchaseStep(input))
  const completed = when("kustom-checkout-can-be-placed", { purchase }, ({ purchase }) => !!purchase && !purchase.problem).then(() =>
    completeRecoveredCartStep({ cart_id: input.cart_id })
  )
  return new WorkflowResponse(
    transform({ input, existing, purchase, completed }, ({ input, existing, purchase, completed }): KlarnaActionResult => {
      const money = purchase?.amount !== undefined ? { amount: purchase.amount, currency_code: purchase.currency_code } : {}
      if (existing || completed?.order_id) {
        return {
          order_id: (existing ?? completed!.order_id)!,
          outcome: existing ? "skipped" : "succeeded",
          klarna_order_id: input.checkout_order_id,
          attention: false,
          next_attempt_at: null,
          message: existing
            ? "Kustom's push: the checkout had already become this order."
            : "Kustom's push: the shopper paid in Kustom Checkout and the plugin placed this order.",
          ...money,
        }
      }
      const reason = purchase?.problem ?? completed?.reason ?? "unknown"
      const paid = purchase?.amount !== undefined ? ` for ${formatMinorUnits(purchase.amount, purchase.currency_code!)}` : ""
      return {
        outcome: "failed",
        attention: true,
        klarna_order_id: input.checkout_order_id,
        next_attempt_at: null,
        message:
          `Kustom has a paid order ${input.checkout_order_id}${paid} for cart ${input.cart_id}, but Medusa could not place it: ${reason}. ` +
          "Kustom keeps the money and keeps pushing until the order is acknowledged: fix the cause and retry, or cancel the order in Kustom's portal.",
        ...money,
      }
    })
  )
})
