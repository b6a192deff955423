import { z } from "zod"
import type { SimContext } from "../context"
import { autoCapture } from "../domain/authorizations"
import { addressSchema, type Address } from "../domain/schemas"
import { KlarnaError } from "../errors"
import { expandUrl } from "../notify"
import type { SimCheckout } from "../state/checkout-models"
import { iso } from "../state/ids"
import { checkoutView, findCheckout, noSuchCheckout } from "./checkout-orders"
import { kustomOrderFromCheckout } from "./kustom-order"
import { askMerchantToValidate, type ValidationAnswer } from "./validation-callback"

/**
 * What the shopper does in the checkout iframe. A REJECTED purchase never completes in Kustom's
 * checkout, so only ACCEPTED and PENDING can be chosen; REJECTED/STOPPED come later through
 * `/_sim/orders/:id/fraud-decision`.
 */
export const completeCheckoutSchema = z.object({
  fraud_status: z.enum(["ACCEPTED", "PENDING"]).optional(),
  payment_method_type: z.string().min(1).max(64).optional(),
  billing_address: addressSchema.optional(),
  shipping_address: addressSchema.optional(),
  email: z.string().min(3).max(255).optional(),
})
export type CompleteCheckoutInput = z.infer<typeof completeCheckoutSchema>

export type CompleteCheckoutResult =
  | { completed: true; order_id: string; confirmation_url: string }
  | { completed: false; validation: ValidationAnswer }

function assertCompletable(checkout: SimCheckout): void {
  if (checkout.completing) {
    throw new KlarnaError(409, "CONFLICT", [`Checkout order ${checkout.order_id} is being completed.`])
  }
  if (checkout.status !== "checkout_incomplete") {
    throw new KlarnaError(409, "CONFLICT", [`Checkout order ${checkout.order_id} is ${checkout.status}; it cannot be completed.`])
  }
}

/** The addresses the shopper ends up with: given ones, else the merchant's prefill, else a sample shopper. */
function shopperAddresses(checkout: SimCheckout, input: CompleteCheckoutInput): { billing: Address; shipping: Address } {
  const p = checkout.purchase
  const billing: Address = {
    given_name: "Test",
    family_name: "Shopper",
    email: "shopper@example.com",
    country: p.purchase_country,
    ...(input.billing_address ?? p.billing_address),
    ...(input.email ? { email: input.email } : {}),
  }
  const shipping: Address = { ...(input.shipping_address ?? p.shipping_address ?? billing) }
  return { billing, shipping }
}

/**
 * The shopper places the order: the merchant's validation callback (if any) may refuse it; on
 * approval the checkout is complete, an Order Management order exists in realm kustom, and the
 * push series starts.
 */
export async function completeCheckout(ctx: SimContext, orderId: string, input: CompleteCheckoutInput): Promise<CompleteCheckoutResult> {
  const checkout = findCheckout(ctx, orderId)
  assertCompletable(checkout)
  const { billing, shipping } = shopperAddresses(checkout, input)

  const validationUrl = checkout.purchase.merchant_urls.validation
  if (validationUrl) {
    const submitted = { ...checkoutView(checkout), billing_address: billing, shipping_address: shipping }
    checkout.completing = true
    let verdict
    try {
      verdict = await askMerchantToValidate(validationUrl, orderId, submitted, ctx.config.kustom.validationTimeoutMs)
    } finally {
      checkout.completing = false
    }
    if (!verdict.accepted) return { completed: false, validation: verdict.answer }
    // A reset or an abort may have happened while the merchant was deciding.
    if (ctx.store.checkouts.get(orderId) !== checkout) throw noSuchCheckout(orderId)
    assertCompletable(checkout)
  }

  const now = iso(ctx.now())
  checkout.purchase.billing_address = billing
  checkout.purchase.shipping_address = shipping
  checkout.status = "checkout_complete"
  checkout.completed_at = now
  checkout.last_modified_at = now

  const order = kustomOrderFromCheckout(ctx, checkout, {
    fraud_status: input.fraud_status ?? "ACCEPTED",
    payment_method_type: input.payment_method_type ?? "INVOICE",
  })
  ctx.store.orders.set(order.order_id, order)
  if (order.sim.auto_capture && order.fraud_status === "ACCEPTED") autoCapture(ctx, order)
  ctx.pushes.start(order.order_id)

  return {
    completed: true,
    order_id: order.order_id,
    confirmation_url: expandUrl(checkout.purchase.merchant_urls.confirmation, { orderId: order.order_id }),
  }
}
