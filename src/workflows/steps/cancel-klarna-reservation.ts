import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { klarnaIdempotencyKey } from "../../klarna/client"
import { applyOrderSnapshot, snapshotAfterCancel, snapshotAfterRelease } from "../../klarna/decisions/order-snapshot"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { klarnaClientFor } from "../../providers/klarna/provider-client"
import { klarnaMessages } from "../../klarna/messages"
import { loadOrderKlarnaPayments, orderKlarnaPayment, type LoadOrderKlarnaPaymentsOptions } from "../queries/order-klarna-payments"

export type CancelKlarnaReservationStepInput = { order_id: string; respect_toggle: boolean } & LoadOrderKlarnaPaymentsOptions

export type CancelKlarnaReservationResult = {
  outcome: "succeeded" | "skipped" | "failed"
  action: "cancel" | "release"
  message: string
  payment_id?: string
  klarna_order_id?: string
  amount?: number
  currency_code?: string
} | null

/**
 * Ends the Klarna reservation of a canceled order: cancels the Klarna order
 * when nothing was captured, or releases the remaining authorization after a
 * partial capture. Irreversible in Klarna, so there is nothing to compensate.
 */
export const cancelKlarnaReservationStep = createStep(
  "cancel-klarna-reservation",
  async (input: CancelKlarnaReservationStepInput, { container }) => {
    const order = await loadOrderKlarnaPayments(container, input.order_id, { refuse_unless_klarna_order: input.refuse_unless_klarna_order })
    const payment = orderKlarnaPayment(order, "reservation")
    if (!order || !payment) {
      return new StepResponse<CancelKlarnaReservationResult>(
        order?.payments.length ? { outcome: "failed", action: "cancel", message: klarnaMessages.missingOrderId("cancelled") } : null
      )
    }
    const klarnaOrderId = payment.data.klarna_order_id!
    const base = { payment_id: payment.id, klarna_order_id: klarnaOrderId, currency_code: payment.currency_code }
    const method = payment.data.payment_method ?? "pay_later"
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    const blocked = input.respect_toggle ? await om.automationBlock("cancel_on_cancel", method, input.order_id) : null
    if (blocked) {
      return new StepResponse<CancelKlarnaReservationResult>({
        outcome: "skipped",
        action: "cancel",
        message: klarnaMessages.automationOff(blocked, "cancel_on_cancel", method, "nothing was cancelled in Klarna."),
        ...base,
      })
    }
    const client = klarnaClientFor(container, payment.provider_id)
    const klarna = await client.getOrder(klarnaOrderId)
    let result: CancelKlarnaReservationResult
    if (klarna.status === "CANCELLED") {
      result = { outcome: "skipped", action: "cancel", message: klarnaMessages.alreadyCancelled(), ...base }
    } else if (klarna.captured_amount === 0) {
      await client.cancelOrder(klarnaOrderId, klarnaIdempotencyKey("cancel", klarnaOrderId))
      result = { outcome: "succeeded", action: "cancel", message: klarnaMessages.cancelled(), amount: klarna.order_amount, ...base }
    } else if (klarna.remaining_authorized_amount > 0) {
      await client.releaseRemainingAuthorization(klarnaOrderId, klarnaIdempotencyKey("release-remaining-authorization", klarnaOrderId))
      result = {
        outcome: "succeeded",
        action: "release",
        message: klarnaMessages.released(klarna.remaining_authorized_amount, klarna.purchase_currency),
        amount: klarna.remaining_authorized_amount,
        ...base,
      }
    } else {
      result = { outcome: "skipped", action: "cancel", message: klarnaMessages.cannotCancelCaptured(), ...base }
    }
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    // Klarna's answer is trusted: the order read before the write, moved by what the write did.
    const read = applyOrderSnapshot(payment.data, klarna)
    const data = result.outcome !== "succeeded" ? read : result.action === "cancel" ? snapshotAfterCancel(read) : snapshotAfterRelease(read)
    await payments.updatePayment({ id: payment.id, data } as any)
    return new StepResponse<CancelKlarnaReservationResult>(result)
  }
)
