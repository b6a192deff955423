import { MedusaError, PaymentSessionStatus } from "@medusajs/framework/utils"
import type { AuthorizePaymentOutput } from "@medusajs/framework/types"
import { klarnaIdempotencyKey, type KlarnaClient } from "../../klarna/client"
import { applyOrderSnapshot, type KlarnaOrderSnapshot } from "../../klarna/decisions/order-snapshot"
import { isFraudPending, isFraudRejected, normalizeFraudStatus } from "../../klarna/decisions/fraud-status"
import type { KlarnaPaymentData } from "../../klarna/types/payment-data"
import { formatMinorUnits } from "../../klarna/utils/currency"

/** The acknowledge of a Kustom order: one key per order, so a repeat is Kustom's replay, never a second call's effect. */
export const kustomAcknowledgeKey = (orderId: string) => klarnaIdempotencyKey(orderId, "acknowledge")

/**
 * A payment session's Kustom checkout, once the shopper has paid in it: the
 * order Kustom made (same id), checked against the session's amount, then
 * acknowledged so Kustom stops pushing. Before the purchase it is refused.
 */
export async function authorizeKustomCheckout(client: KlarnaClient, data: KlarnaPaymentData, amount: number): Promise<AuthorizePaymentOutput> {
  const checkoutOrderId = data.kustom_checkout_order_id
  if (!checkoutOrderId) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "The Kustom payment session has no checkout order.")
  }
  const checkout = await client.getCheckoutOrder(checkoutOrderId)
  if (checkout.status !== "checkout_complete") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `The shopper has not completed Kustom checkout ${checkoutOrderId} yet (status ${checkout.status}).`
    )
  }
  const order = await client.getOrder(checkoutOrderId)
  if (order.order_amount !== amount || order.purchase_currency.toUpperCase() !== String(data.kustom_checkout?.purchase_currency ?? order.purchase_currency).toUpperCase()) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Kustom order ${order.order_id} is for ${formatMinorUnits(order.order_amount, order.purchase_currency)}, ` +
        `not the cart's ${formatMinorUnits(amount, order.purchase_currency)}: the cart changed after the purchase. Cancel the Kustom order or adjust the cart.`
    )
  }
  const fraud = normalizeFraudStatus(order.fraud_status)
  if (isFraudRejected(fraud)) {
    throw new MedusaError(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, "Kustom declined the purchase. Ask the customer to choose another payment method.")
  }
  await client.acknowledgeOrder(order.order_id, kustomAcknowledgeKey(order.order_id))
  const next = applyOrderSnapshot(
    {
      ...data,
      klarna_order_id: order.order_id,
      payment_method: "klarna_checkout",
      authorized_payment_method_type: order.initial_payment_method?.type,
      kustom_acknowledged_at: new Date().toISOString(),
      html_snippet: null,
      captures: [],
      refunds: [],
    },
    order as KlarnaOrderSnapshot
  )
  return { status: isFraudPending(fraud) ? PaymentSessionStatus.PENDING_AUTHORIZATION : PaymentSessionStatus.AUTHORIZED, data: next }
}
