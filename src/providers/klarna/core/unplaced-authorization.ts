import { KlarnaApiError, klarnaIdempotencyKey, type KlarnaClient } from "../../../klarna/client"
import type { KlarnaProviderOptions } from "../../../klarna/types/options"
import type { KlarnaPaymentData } from "../../../klarna/types/payment-data"
import { readAuthorizationToken } from "../../../klarna/decisions/authorization-token"
import { klarnaCreateOrderBody } from "../../../klarna/decisions/create-order-body"

/**
 * For an approved session whose checkout never became a Medusa order (the
 * response to create-order was lost, then the cart could not be completed):
 * sends the same create-order again — Klarna answers an identical request for
 * a used token with the order it created — and cancels that order, so the
 * customer is not charged for an order the shop does not have. Returns the
 * cancelled Klarna order id, or undefined when no Klarna order exists.
 */
export async function cancelUnplacedAuthorization(
  options: KlarnaProviderOptions,
  client: KlarnaClient,
  raw: Record<string, unknown>
): Promise<string | undefined> {
  const data = raw as KlarnaPaymentData
  const token = readAuthorizationToken(data, options)
  if (data.klarna_order_id || !token || !data.klarna_session) {
    return undefined
  }
  let orderId: string
  try {
    orderId = (await client.createOrder(token, klarnaCreateOrderBody(options, data, data.klarna_session))).order_id
  } catch (e) {
    if (e instanceof KlarnaApiError && e.status === 404) {
      return undefined // the token expired unused: no Klarna order was made
    }
    throw e
  }
  await client.cancelOrder(orderId, klarnaIdempotencyKey("cancel-unplaced", orderId, data.session_id ?? ""))
  return orderId
}
