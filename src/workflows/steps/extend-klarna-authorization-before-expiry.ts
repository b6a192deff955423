import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { KlarnaApiError, klarnaIdempotencyKey } from "../../klarna/client"
import { expiryDay } from "../../klarna/decisions/authorization-expiry"
import { applyOrderSnapshot } from "../../klarna/decisions/order-snapshot"
import { expiryMessages } from "../../klarna/expiry-messages"
import { klarnaMessages } from "../../klarna/messages"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { klarnaClientFor } from "../../providers/klarna/provider-client"
import type { KlarnaActionResult } from "../klarna-action/types"
import { loadOrderKlarnaPayments, orderKlarnaPayment } from "../queries/order-klarna-payments"

export type ExtendKlarnaAuthorizationBeforeExpiryInput = {
  order_id: string
  /** The expiry this extension is for: one extension per order and expiry date. */
  expires_at: string
  /** The order as the merchant knows it ("order #12"). */
  order_name: string
}

/**
 * Extends a Klarna reservation before it expires, unless the method's toggle
 * is off or the merchant left the order alone (a retry checks again). Klarna
 * refusing (403) is final for this expiry and told to the merchant; Klarna
 * being unavailable throws, so the action runner retries with the same key.
 * An extension cannot be undone: nothing to compensate.
 */
export const extendKlarnaAuthorizationBeforeExpiryStep = createStep(
  "extend-klarna-authorization-before-expiry",
  async (input: ExtendKlarnaAuthorizationBeforeExpiryInput, { container }) => {
    const order = await loadOrderKlarnaPayments(container, input.order_id)
    const payment = orderKlarnaPayment(order, "reservation")
    if (!payment) {
      return new StepResponse<KlarnaActionResult>(null)
    }
    const id = payment.data.klarna_order_id!
    const base = { payment_id: payment.id, klarna_order_id: id, currency_code: payment.currency_code }
    const method = payment.data.payment_method ?? "pay_later"
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    const blocked = await om.automationBlock("extend_before_expiry", method, input.order_id)
    if (blocked) {
      const message = klarnaMessages.automationOff(blocked, "extend_before_expiry", method, expiryMessages.notExtended(input.order_name, input.expires_at))
      return new StepResponse<KlarnaActionResult>({ outcome: "skipped", message, ...base })
    }
    const client = klarnaClientFor(container, payment.provider_id)
    try {
      await client.extendAuthorizationTime(id, klarnaIdempotencyKey("extend-authorization-time", id, "before-expiry", expiryDay(input.expires_at)))
    } catch (error) {
      if (!(error instanceof KlarnaApiError) || error.status !== 403) {
        throw error
      }
      const reason = error.errorMessages.join(" ") || error.message
      return new StepResponse<KlarnaActionResult>({
        outcome: "needs_attention",
        attention: true,
        error_code: error.errorCode ?? null,
        correlation_id: error.correlationId ?? null,
        message: expiryMessages.cannotExtend(input.order_name, input.expires_at, expiryMessages.refused(reason)),
        ...base,
      })
    }
    // Klarna's answer has no body; the new expiry is only in the order.
    const after = await client.getOrder(id)
    await container.resolve<IPaymentModuleService>(Modules.PAYMENT).updatePayment({ id: payment.id, data: applyOrderSnapshot(payment.data, after) } as any)
    return new StepResponse<KlarnaActionResult>({ outcome: "succeeded", message: klarnaMessages.extended(after.expires_at), ...base })
  }
)
