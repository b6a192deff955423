import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { klarnaIdempotencyKey, KlarnaApiError } from "../../klarna/client"
import { addressChangeVerdict } from "../../klarna/decisions/address-change"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { klarnaClientFor } from "../../providers/klarna/provider-client"
import type { KlarnaActionResult } from "../klarna-action/types"
import { loadOrderKlarnaPayments, orderKlarnaPayment } from "../queries/order-klarna-payments"

export type SendKlarnaShippingAddressInput = {
  order_id: string
  shipping_address: Record<string, string>
  /** Keys this write (one per edit, or per restore of one). */
  request_key: string
  /** A restore after Medusa did not take the edit: sent whatever the toggle says, since the edit reached Klarna. */
  restore?: boolean
}

/**
 * Klarna's customer details get the order's new shipping address while the
 * order is a reservation. Klarna refusing (or not answering) is the answer,
 * not a failure to retry: the admin's edit is refused instead (see
 * update-order-address-with-klarna); a restore is retried like any action.
 */
export const sendKlarnaShippingAddressStep = createStep(
  "send-klarna-shipping-address",
  async (input: SendKlarnaShippingAddressInput, { container }) => {
    const order = await loadOrderKlarnaPayments(container, input.order_id)
    const payment = orderKlarnaPayment(order, "live")
    if (!payment?.data.klarna_order_id) {
      return new StepResponse<KlarnaActionResult>(null)
    }
    const base = { payment_id: payment.id, klarna_order_id: payment.data.klarna_order_id, currency_code: payment.currency_code }
    const method = payment.data.payment_method ?? "pay_later"
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    const block = input.restore ? null : await om.automationBlock("address_to_klarna", method, input.order_id)
    const verdict = addressChangeVerdict({ ...payment.data, amount: payment.amount, captured_amount: payment.captured_amount, canceled_at: payment.canceled_at }, block)
    if (!verdict.send) {
      return new StepResponse<KlarnaActionResult>({ outcome: "skipped", message: verdict.message, ...base })
    }
    const key = klarnaIdempotencyKey(payment.data.klarna_order_id, "customer-details", input.request_key)
    try {
      await klarnaClientFor(container, payment.provider_id).updateCustomerDetails(payment.data.klarna_order_id, { shipping_address: input.shipping_address }, key)
    } catch (e) {
      if (input.restore) {
        throw e
      }
      // Not retried later: the edit it belongs to is refused now, so a late write would undo Medusa's address.
      const error = e as Partial<KlarnaApiError>
      return new StepResponse<KlarnaActionResult>({
        outcome: "failed",
        attention: false,
        next_attempt_at: null,
        message: `${e instanceof KlarnaApiError && e.status ? "Klarna refused the new shipping address" : "Klarna could not be reached for the new shipping address"}: ${error.message ?? String(e)}`,
        correlation_id: error.correlationId,
        error_code: error.errorCode,
        ...base,
      })
    }
    const where = [input.shipping_address.street_address, input.shipping_address.postal_code, input.shipping_address.city].filter(Boolean).join(", ")
    return new StepResponse<KlarnaActionResult>({
      outcome: "succeeded",
      message: input.restore ? `Klarna's shipping address was put back (${where}): Medusa did not take the edit.` : `Klarna's shipping address was updated: ${where}.`,
      ...base,
    })
  }
)
