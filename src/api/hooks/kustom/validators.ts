import { z } from "zod"

const cartId = z.string().regex(/^cart_[A-Za-z0-9]{1,60}$/, "cart_id is missing or malformed")
const sig = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "sig is missing or malformed")
const checkoutOrderId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, "checkout_order_id is missing or malformed")

/** The callback URLs the Kustom provider gave Kustom: the cart, signed by this server. */
export const HookKustomValidationQuery = z.object({ cart_id: cartId, sig })
export type HookKustomValidationQueryType = z.infer<typeof HookKustomValidationQuery>

export const HookKustomPushQuery = z.object({ cart_id: cartId, sig, checkout_order_id: checkoutOrderId })
export type HookKustomPushQueryType = z.infer<typeof HookKustomPushQuery>

/**
 * Kustom posts the whole checkout order; only its id is used (the order itself is read from
 * Kustom), so the rest is neither validated nor kept.
 */
export const HookKustomValidationBody = z.object({ order_id: checkoutOrderId })
export type HookKustomValidationBodyType = z.infer<typeof HookKustomValidationBody>
