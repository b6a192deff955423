import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { klarnaIdempotencyKey } from "../../klarna/client"
import { applyOrderSnapshot, snapshotAfterRelease } from "../../klarna/decisions/order-snapshot"
import type { KlarnaPaymentData } from "../../klarna/types/payment-data"
import { klarnaClientFor } from "../../providers/klarna/provider-client"
import { klarnaMessages } from "../../klarna/messages"
import { loadOrderKlarnaPayments, orderKlarnaPayment, type LoadOrderKlarnaPaymentsOptions } from "../queries/order-klarna-payments"

export type KlarnaOrderOperation = "release" | "extend"

export type KlarnaOrderOperationResult = {
  outcome: "succeeded" | "skipped"
  message: string
  payment_id: string
  klarna_order_id: string
  amount?: number
  currency_code: string
}

/**
 * The WooCommerce metabox's one-click Klarna actions that change nothing in
 * Medusa's ledger: release the remaining authorization, extend the
 * authorization time. The payment's Klarna snapshot is refreshed afterwards.
 */
export const runKlarnaOrderOperationStep = createStep(
  "run-klarna-order-operation",
  async (input: { order_id: string; operation: KlarnaOrderOperation; request_key: string } & LoadOrderKlarnaPaymentsOptions, { container }) => {
    const order = await loadOrderKlarnaPayments(container, input.order_id, { refuse_unless_klarna_order: input.refuse_unless_klarna_order })
    const payment = orderKlarnaPayment(order, "reservation")
    if (!payment) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} has no Klarna payment.`)
    }
    const id = payment.data.klarna_order_id!
    const client = klarnaClientFor(container, payment.provider_id)
    let result: KlarnaOrderOperationResult
    let snapshot: KlarnaPaymentData
    const base = { payment_id: payment.id, klarna_order_id: id, currency_code: payment.currency_code }
    if (input.operation === "release") {
      const before = await client.getOrder(id)
      if (before.captured_amount === 0) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          "Nothing has been captured yet: cancel the Klarna order instead of releasing its remaining authorization."
        )
      }
      if (before.remaining_authorized_amount === 0) {
        return new StepResponse<KlarnaOrderOperationResult>({ outcome: "skipped", message: "Nothing is left to release: the Klarna order is fully captured.", ...base })
      }
      await client.releaseRemainingAuthorization(id, klarnaIdempotencyKey("release-remaining-authorization", id))
      result = { outcome: "succeeded", message: klarnaMessages.released(before.remaining_authorized_amount, before.purchase_currency), amount: before.remaining_authorized_amount, ...base }
      snapshot = snapshotAfterRelease(applyOrderSnapshot(payment.data, before))
    } else {
      // Klarna's answer has no body; the new expiry is only in the order.
      await client.extendAuthorizationTime(id, klarnaIdempotencyKey("extend-authorization-time", id, input.request_key))
      const after = await client.getOrder(id)
      result = { outcome: "succeeded", message: klarnaMessages.extended(after.expires_at), ...base }
      snapshot = applyOrderSnapshot(payment.data, after)
    }
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    await payments.updatePayment({ id: payment.id, data: snapshot } as any)
    return new StepResponse<KlarnaOrderOperationResult>(result)
  }
)
