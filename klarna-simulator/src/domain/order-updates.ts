import type { z } from "zod"
import { KlarnaError, notAllowed } from "../errors"
import type { SimOrder } from "../state/models"
import { assertOrderAmounts } from "./parse-body"
import { INCREASE_ALLOWED_TYPES } from "./payment-methods"
import { statusFromAmounts } from "./orders"
import type { customerDetailsSchema, merchantReferencesSchema, UpdateAuthorizationInput } from "./schemas"

/**
 * PATCH /authorization: new order_amount and (all) order_lines. Decreases are always allowed;
 * an increase only for the payment methods Klarna re-assesses.
 */
export function updateAuthorization(order: SimOrder, input: UpdateAuthorizationInput): void {
  // Omitted lines delete the order's lines (Klarna's documented behaviour); given lines must add up.
  const order_lines = input.order_lines ? assertOrderAmounts({ order_amount: input.order_amount, order_lines: input.order_lines }) : []

  const suffix = "Order authorization cannot be updated"
  if (order.status === "CANCELLED") throw notAllowed("Can not update a cancelled order")
  if (order.status === "EXPIRED") throw notAllowed(`Order is expired. ${suffix}.`)
  if (order.status === "CAPTURED" || order.status === "CLOSED") throw notAllowed(`Order is fully captured. ${suffix}.`)
  if (input.order_amount < order.captured_amount) {
    throw notAllowed(
      `Resulting authorization amount ${input.order_amount} cannot be less than the captured amount ${order.captured_amount} for order. ${suffix}`
    )
  }
  const method = order.initial_payment_method.type
  if (input.order_amount > order.order_amount && !INCREASE_ALLOWED_TYPES.has(method)) {
    throw notAllowed("Update not allowed.", `The payment method ${method} does not allow increasing the order amount.`)
  }

  order.order_amount = input.order_amount
  order.order_lines = order_lines
  order.remaining_authorized_amount = order.order_amount - order.captured_amount
  order.status = statusFromAmounts(order)
}

export function updateMerchantReferences(order: SimOrder, input: z.infer<typeof merchantReferencesSchema>): void {
  if (order.status === "CANCELLED") throw notAllowed("Can not update a cancelled order")
  if (input.merchant_reference1 !== undefined) order.merchant_reference1 = input.merchant_reference1
  if (input.merchant_reference2 !== undefined) order.merchant_reference2 = input.merchant_reference2
}

/**
 * PATCH /customer-details: a new shipping address (billing cannot change). Refused for an order
 * that is cancelled, fully captured, closed or expired, for an address in another country than
 * the purchase (422 INVALID_ADDRESS), and when Klarna's assessment says no (a control flag).
 */
export function updateCustomerDetails(order: SimOrder, input: z.infer<typeof customerDetailsSchema>): void {
  if (order.status === "CANCELLED") throw notAllowed("Can not update a cancelled order")
  if (order.status === "CAPTURED" || order.status === "CLOSED" || order.status === "EXPIRED") {
    throw notAllowed(`Order is ${order.status.toLowerCase()}. Customer details cannot be updated.`)
  }
  const country = input.shipping_address?.country
  if (country && country.toUpperCase() !== order.purchase_country.toUpperCase()) {
    throw new KlarnaError(422, "INVALID_ADDRESS", [`The shipping address must be in the purchase country ${order.purchase_country}.`])
  }
  if (order.sim.refuse_address_changes) throw notAllowed(order.sim.refuse_address_changes)
  if (input.shipping_address) order.shipping_address = input.shipping_address
}
