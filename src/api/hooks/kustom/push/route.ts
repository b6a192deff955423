import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runKlarnaAction } from "../../../../workflows/klarna-action/run-klarna-action"
import { completeKustomCheckoutAction } from "../../../../workflows/complete-kustom-checkout"
import { verifyKustomCallbackOrThrow } from "../verify-kustom-callback"
import type { HookKustomPushQueryType } from "../validators"

/**
 * Kustom's push (`merchant_urls.push`): an empty POST after the shopper paid,
 * repeated until the order is acknowledged. It proves nothing, so it is only a
 * hint: the plugin reads the order from Kustom and places the cart's order
 * once (one event-log entry per Kustom order, however often Kustom pushes).
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { cart_id, sig, checkout_order_id } = req.validatedQuery as HookKustomPushQueryType
  verifyKustomCallbackOrThrow(req.scope, cart_id, sig)
  const entry = await runKlarnaAction(req.scope, completeKustomCheckoutAction, {
    order_id: cart_id,
    operation_key: `kustom-push:${checkout_order_id}`,
    actor: "kustom",
    input: { cart_id, checkout_order_id },
  })
  res.status(200).json({ received: true, outcome: entry?.outcome ?? null })
}
