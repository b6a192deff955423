import { MedusaError, PaymentSessionStatus } from "@medusajs/framework/utils"
import type { InitiatePaymentOutput } from "@medusajs/framework/types"
import { KlarnaApiError, type KlarnaClient, type KustomCheckoutOrder } from "../../klarna/client"
import { kustomCheckoutOrderRequest, KustomCheckoutSetupError, type KustomCheckoutInput } from "../../klarna/kustom/checkout-request"
import type { KlarnaProviderOptions } from "../../klarna/types/options"
import type { KlarnaPaymentData } from "../../klarna/types/payment-data"
import { formatMinorUnits } from "../../klarna/utils/currency"

/**
 * The Kustom checkout order a payment session shows: the one the storefront
 * already renders for this cart, brought up to date, while the shopper has not
 * paid in it; otherwise a new one. Either way its lines and amounts are the
 * cart's, built on the server.
 */
export async function startKustomCheckout(
  client: KlarnaClient,
  options: KlarnaProviderOptions,
  data: KlarnaPaymentData,
  amount: number
): Promise<InitiatePaymentOutput> {
  const input = data.kustom_checkout
  if (!input?.order_lines?.length || !input.cart_id) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Kustom Checkout needs the cart's order lines. Create the payment session through " +
        "POST /store/payment-collections/:id/payment-sessions, where the Klarna plugin adds them from the cart."
    )
  }
  if (input.order_amount !== amount) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `The cart's lines (${formatMinorUnits(input.order_amount, input.purchase_currency)}) do not match the payment amount ` +
        `(${formatMinorUnits(amount, input.purchase_currency)}). Refresh the cart and create the payment session again.`
    )
  }
  let request
  try {
    // A kept checkout takes the new session's id too: the session the shopper pays in is the one authorized.
    request = kustomCheckoutOrderRequest(options, { ...input, session_id: data.session_id })
  } catch (e) {
    if (e instanceof KustomCheckoutSetupError) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, e.message)
    throw e
  }
  const kept = input.checkout_order_id ? await keepCheckout(client, input.checkout_order_id, input) : undefined
  const { merchant_urls: _sameUrls, ...changes } = request
  const checkout = kept ? await updateKept(client, kept.order_id, changes) : await client.createCheckoutOrder(request)
  const { checkout_order_id: _asked, ...cart } = input
  return {
    id: checkout.order_id,
    status: PaymentSessionStatus.PENDING,
    data: {
      ...data,
      kustom_checkout: cart,
      kustom_checkout_order_id: checkout.order_id,
      html_snippet: checkout.html_snippet ?? null,
      payment_method: "klarna_checkout",
      currency_code: input.purchase_currency.toLowerCase(),
      environment: options.environment,
      region: options.region,
    },
  }
}

/** The storefront's checkout order when it is this cart's and the shopper has not paid in it; else undefined. */
async function keepCheckout(client: KlarnaClient, checkoutOrderId: string, input: KustomCheckoutInput): Promise<KustomCheckoutOrder | undefined> {
  try {
    const checkout = await client.getCheckoutOrder(checkoutOrderId)
    return checkout.status === "checkout_incomplete" && checkout.merchant_reference2 === input.cart_id ? checkout : undefined
  } catch (e) {
    if (e instanceof KlarnaApiError && (e.status === 404 || e.status === 403 || e.status === 410)) return undefined
    throw e
  }
}

async function updateKept(client: KlarnaClient, checkoutOrderId: string, changes: Parameters<KlarnaClient["updateCheckoutOrder"]>[1]) {
  try {
    return await client.updateCheckoutOrder(checkoutOrderId, changes)
  } catch (e) {
    if (e instanceof KlarnaApiError && e.status === 403) {
      // The shopper paid in it between the read and the update: that purchase is the cart as it was.
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The shopper has just paid in Kustom checkout ${checkoutOrderId}; complete the cart instead of changing its payment.`
      )
    }
    throw e
  }
}
