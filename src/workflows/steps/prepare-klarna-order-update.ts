import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { KlarnaOrderLine } from "../../klarna/validation/order-line-rules"
import { isExpired } from "../../klarna/decisions/status"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { klarnaClientFor } from "../../providers/klarna/provider-client"
import { klarnaMessages } from "../../klarna/messages"
import { loadOrderKlarnaPayments, orderKlarnaPayment } from "../queries/order-klarna-payments"
import { orderPreviewKlarnaLines } from "../queries/order-preview-lines"

export type KlarnaOrderUpdatePlan =
  | null
  | { update: false; outcome: "skipped"; message: string; payment_id: string; klarna_order_id: string; currency_code: string }
  | {
      update: true
      payment_id: string
      provider_id: string
      klarna_order_id: string
      currency_code: string
      previous: { order_amount: number; order_lines: KlarnaOrderLine[] }
      next: { order_amount: number; order_lines: KlarnaOrderLine[] }
    }

/**
 * Works out the Klarna order an order change (edit, claim, exchange) would
 * lead to, before Medusa confirms it. Refuses when the Klarna order is no
 * longer a reservation, so the change is not confirmed in Medusa.
 */
export const prepareKlarnaOrderUpdateStep = createStep(
  "prepare-klarna-order-update",
  async (input: { order_id: string; respect_toggle: boolean; refuse_when_captured?: boolean }, { container }) => {
    const order = await loadOrderKlarnaPayments(container, input.order_id)
    const payment = orderKlarnaPayment(order, "current")
    if (!order || !payment?.data.klarna_order_id) {
      return new StepResponse<KlarnaOrderUpdatePlan>(null)
    }
    const klarnaOrderId = payment.data.klarna_order_id
    const base = { payment_id: payment.id, klarna_order_id: klarnaOrderId, currency_code: payment.currency_code }
    const method = payment.data.payment_method ?? "pay_later"
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    const blocked = input.respect_toggle ? await om.automationBlock("update_on_edit", method, input.order_id) : null
    if (blocked) {
      return new StepResponse<KlarnaOrderUpdatePlan>({
        update: false,
        outcome: "skipped",
        message: klarnaMessages.automationOff(blocked, "update_on_edit", method, "the Klarna order was not updated."),
        ...base,
      })
    }
    const klarna = await klarnaClientFor(container, payment.provider_id).getOrder(klarnaOrderId)
    if (klarna.captured_amount > 0 || klarna.status === "CAPTURED" || klarna.status === "PART_CAPTURED") {
      if (input.refuse_when_captured === false) {
        // Claims and exchanges after a capture are settled with refunds, not by updating the reservation.
        return new StepResponse<KlarnaOrderUpdatePlan>({
          update: false,
          outcome: "skipped",
          message: "Klarna order not updated: it has captures, so the change is settled with refunds.",
          ...base,
        })
      }
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, klarnaMessages.notReservation())
    }
    if (klarna.status === "CANCELLED") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Could not update Klarna order: the Klarna order is cancelled.")
    }
    if (isExpired(klarna)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, klarnaMessages.expired(klarna.expires_at).replace("captured", "updated"))
    }
    const next = await orderPreviewKlarnaLines(container, input.order_id, klarna.purchase_country)
    return new StepResponse<KlarnaOrderUpdatePlan>({
      update: true,
      provider_id: payment.provider_id,
      ...base,
      previous: { order_amount: klarna.order_amount, order_lines: (klarna.order_lines ?? []) as KlarnaOrderLine[] },
      next: { order_amount: next.order_amount, order_lines: next.order_lines },
    })
  }
)
