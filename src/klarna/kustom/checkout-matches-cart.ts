import type { KustomCheckoutOrder } from "../client/checkout-schemas"
import type { KustomCheckoutInput } from "./checkout-request"

const lineKey = (line: { reference?: string | null; quantity: number; total_amount: number }) =>
  `${line.reference ?? ""}|${line.quantity}|${line.total_amount}`

/**
 * Why a Kustom checkout order no longer is the cart (null when it is): another
 * cart, another currency or total, or other lines (by reference, quantity and
 * amount). Kustom's validation callback refuses the purchase then.
 */
export function checkoutMismatch(checkout: KustomCheckoutOrder, cart: KustomCheckoutInput): string | null {
  if (checkout.merchant_reference2 && checkout.merchant_reference2 !== cart.cart_id) {
    return "the checkout belongs to another cart"
  }
  if (checkout.purchase_currency.toUpperCase() !== cart.purchase_currency.toUpperCase()) {
    return `the checkout is in ${checkout.purchase_currency.toUpperCase()}, the cart in ${cart.purchase_currency.toUpperCase()}`
  }
  if (checkout.order_amount !== cart.order_amount) {
    return `the checkout's total (${checkout.order_amount}) is not the cart's (${cart.order_amount})`
  }
  const ours = cart.order_lines.map(lineKey).sort()
  const theirs = checkout.order_lines.map(lineKey).sort()
  if (ours.length !== theirs.length || ours.some((key, i) => key !== theirs[i])) {
    return "the checkout's lines are not the cart's"
  }
  return null
}
