import type { KustomCheckoutMerchantUrls, KustomCheckoutOrderRequest } from "../client/checkout-schemas"
import type { KlarnaProviderOptions } from "../types/options"
import type { KlarnaSessionInput } from "../types/payment-data"
import { signKustomCallback } from "./callback-signature"
import { merchantData } from "../decisions/merchant-data"

/** What the Kustom provider gets from the cart, built on the server (see attach-klarna-session-input). */
export type KustomCheckoutInput = Partial<KlarnaSessionInput> &
  Pick<KlarnaSessionInput, "order_lines" | "order_amount" | "order_tax_amount" | "purchase_currency"> & {
    cart_id: string
    /** A checkout order the storefront already shows for this cart, to keep instead of starting anew (verified with Kustom). */
    checkout_order_id?: string
    /**
     * The Medusa payment session showing the checkout. Kept in `merchant_data`, which the order
     * carries on: Kustom's fraud notification names only the order, and Medusa authorizes a session.
     */
    session_id?: string
  }

export class KustomCheckoutSetupError extends Error {}

/**
 * Kustom's merchant URLs for a cart's checkout: the storefront's pages from the
 * provider options, and this backend's push and validation callbacks, signed
 * for the cart. `{checkout.order.id}` is Kustom's placeholder for the order id.
 */
export function kustomCheckoutMerchantUrls(options: KlarnaProviderOptions, cartId: string): KustomCheckoutMerchantUrls {
  const pages = options.merchantUrls ?? {}
  const base = options.backendUrl?.replace(/\/+$/, "")
  const missing = [!pages.terms && "merchantUrls.terms", !pages.checkout && "merchantUrls.checkout", !pages.confirmation && "merchantUrls.confirmation", !base && "backendUrl"].filter(Boolean)
  if (missing.length) {
    throw new KustomCheckoutSetupError(
      `Kustom Checkout needs the storefront's pages and this backend's public URL: set ${missing.join(", ")} in the Kustom provider's options (KUSTOM_TERMS_URL, KUSTOM_CHECKOUT_URL, KUSTOM_CONFIRMATION_URL, MEDUSA_BACKEND_URL).`
    )
  }
  const signed = `cart_id=${encodeURIComponent(cartId)}&sig=${signKustomCallback(cartId, options)}`
  return {
    terms: pages.terms!,
    checkout: pages.checkout!,
    confirmation: pages.confirmation!,
    push: `${base}/hooks/kustom/push?${signed}&checkout_order_id={checkout.order.id}`,
    validation: `${base}/hooks/kustom/validation?${signed}`,
    notification: `${base}/hooks/payment/kustom_kustom`,
  }
}

/** The checkout order for a cart: its real lines and amounts, bound to the cart by `merchant_reference2`. */
export function kustomCheckoutOrderRequest(options: KlarnaProviderOptions, input: KustomCheckoutInput): KustomCheckoutOrderRequest {
  return {
    purchase_country: (input.purchase_country || options.defaultPurchaseCountry).toUpperCase(),
    purchase_currency: input.purchase_currency.toUpperCase(),
    locale: input.locale || options.defaultLocale,
    order_amount: input.order_amount,
    order_tax_amount: input.order_tax_amount,
    // Checkout v3 wants every line's tax, zero included.
    order_lines: input.order_lines.map((line) => ({ ...line, tax_rate: line.tax_rate ?? 0, total_tax_amount: line.total_tax_amount ?? 0 })),
    merchant_urls: kustomCheckoutMerchantUrls(options, input.cart_id),
    merchant_reference2: input.cart_id,
    merchant_data: merchantData({ cart_id: input.cart_id, session_id: input.session_id }),
    ...(input.billing_address ? { billing_address: input.billing_address } : {}),
    ...(input.shipping_address ? { shipping_address: input.shipping_address } : {}),
  }
}
