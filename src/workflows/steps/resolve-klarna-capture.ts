import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fromMinorUnits } from "../../klarna/utils/currency"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { KlarnaCapturePlan, KlarnaPaymentData } from "../../klarna/types/payment-data"
import { isExpired } from "../../klarna/decisions/status"
import { isFraudPending, isFraudRejected } from "../../klarna/decisions/fraud-status"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { captureRemainderRefusal } from "../../klarna/decisions/capture-remainder"
import { klarnaMessages } from "../../klarna/messages"
import {
  loadOrderKlarnaPayments,
  orderKlarnaPayment,
  type KlarnaPaymentRow,
  type LoadOrderKlarnaPaymentsOptions,
  type OrderWithKlarna,
} from "../queries/order-klarna-payments"
import { adminAmountToMinorUnits } from "../../klarna/utils/admin-amount"
import { asRefusedBeforeActing, refusedBeforeActing } from "../klarna-action/refused-before-acting"
import { klarnaClientFor } from "../../providers/klarna/provider-client"
import { applyOrderSnapshot } from "../../klarna/decisions/order-snapshot"

export type ResolveKlarnaCaptureStepInput = LoadOrderKlarnaPaymentsOptions & {
  order_id: string
  /** Minor units; defaults to everything not yet captured in Medusa. */
  amount?: number
  /** An admin's amount in major units, as typed: refused (not rounded) when the currency or the order cannot take it. */
  requested_amount?: number | string
  /** Automatic captures honour the per-method toggle; manual ones do not. */
  respect_toggle: boolean
  capture_plan?: Omit<KlarnaCapturePlan, "amount">
  /**
   * Guard on Klarna's live order rather than on the state the plugin last
   * knew. The capture itself is normally the one call to Klarna; after Klarna
   * refused it, the guards run again on the live order to say why.
   */
  read_klarna?: boolean
  /** The order with its Klarna payments as a step before just read it (not read again). */
  loaded_order?: OrderWithKlarna | null
}

export type KlarnaCaptureResolution =
  | { capture: false; outcome: "skipped" | "failed" | "needs_attention"; message: string; payment_id?: string; klarna_order_id?: string; currency_code?: string; amount?: number }
  | {
      capture: true
      payment_id: string
      klarna_order_id: string
      currency_code: string
      /** minor units */
      amount: number
      /** major units, as Medusa takes them */
      medusa_amount: number
      capture_plan?: KlarnaCapturePlan
      adopting: boolean
    }
  | null

/**
 * Decides whether (and how much) to capture for an order, with every guard of
 * the WooCommerce plugin, so no Klarna call is made where none is due.
 * Returns null for orders not paid with Klarna.
 */
export const resolveKlarnaCaptureStep = createStep(
  "resolve-klarna-capture",
  async (input: ResolveKlarnaCaptureStepInput, { container }) => {
    const order = input.loaded_order ?? (await loadOrderKlarnaPayments(container, input.order_id, { refuse_unless_klarna_order: input.refuse_unless_klarna_order }))
    if (order && !order.payments.length && order.pending_sessions.length) {
      const session = order.pending_sessions[0]
      return new StepResponse<KlarnaCaptureResolution>({
        capture: false,
        outcome: "skipped",
        message: klarnaMessages.pendingReview(),
        klarna_order_id: session.data.klarna_order_id,
      })
    }
    if (!order || !order.payments.length) {
      return new StepResponse<KlarnaCaptureResolution>(null)
    }
    const payment = orderKlarnaPayment(order, "current")
    if (!payment) {
      return new StepResponse<KlarnaCaptureResolution>({ capture: false, outcome: "skipped", message: klarnaMessages.cancelledBeforeCapture() })
    }
    const base = { payment_id: payment.id, currency_code: payment.currency_code }
    if (!payment.data.klarna_order_id) {
      return new StepResponse<KlarnaCaptureResolution>({ capture: false, outcome: "failed", message: klarnaMessages.missingOrderId("captured"), ...base })
    }
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    const method = payment.data.payment_method ?? "pay_later"
    const blocked = input.respect_toggle ? await om.automationBlock("capture_on_complete", method, input.order_id) : null
    if (blocked) {
      return new StepResponse<KlarnaCaptureResolution>({
        capture: false,
        outcome: "skipped",
        message: klarnaMessages.automationOff(blocked, "capture_on_complete", method, "the Klarna order was not captured."),
        klarna_order_id: payment.data.klarna_order_id,
        ...base,
      })
    }
    const remainingInMedusa = payment.amount - payment.captured_amount
    const requested = input.requested_amount === undefined ? input.amount : requestedMinorUnits(input.requested_amount, payment.currency_code)
    const refusal = requested === undefined ? undefined : captureRemainderRefusal(requested, remainingInMedusa, payment.currency_code)
    if (refusal && input.requested_amount !== undefined) {
      throw refusedBeforeActing("INVALID_DATA", refusal)
    }
    if (refusal) {
      return new StepResponse<KlarnaCaptureResolution>({
        capture: false,
        outcome: "failed",
        message: refusal,
        klarna_order_id: payment.data.klarna_order_id,
        ...base,
      })
    }
    const amount = requested ?? remainingInMedusa
    const klarna = input.read_klarna ? await liveKlarnaState(container, payment) : payment.data
    const skip = (outcome: "skipped" | "failed" | "needs_attention", message: string) =>
      new StepResponse<KlarnaCaptureResolution>({ capture: false, outcome, message, klarna_order_id: klarna.klarna_order_id, ...base })

    if (isFraudPending(klarna.fraud_status)) return skip("skipped", klarnaMessages.pendingReview())
    if (isFraudRejected(klarna.fraud_status)) return skip("needs_attention", klarnaMessages.fraudRejected(klarna.klarna_reference))
    if (klarna.klarna_status === "CANCELLED") return skip("failed", klarnaMessages.cancelledBeforeCapture())
    if (amount <= 0) return skip("skipped", klarnaMessages.nothingToCapture())

    // Captured in Klarna but not in Medusa (e.g. in Klarna's portal): record it, capture nothing new.
    const untracked = (klarna.captured_amount ?? 0) - payment.captured_amount
    const adopting = untracked >= amount
    if (!adopting && klarna.klarna_status && isExpired({ status: klarna.klarna_status, expires_at: klarna.expires_at })) {
      return skip("failed", klarnaMessages.expired(klarna.expires_at))
    }

    return new StepResponse<KlarnaCaptureResolution>({
      capture: true,
      payment_id: payment.id,
      klarna_order_id: klarna.klarna_order_id!,
      currency_code: payment.currency_code,
      amount,
      medusa_amount: fromMinorUnits(amount, payment.currency_code),
      capture_plan: input.capture_plan && !adopting ? { ...input.capture_plan, amount } : undefined,
      adopting,
    })
  }
)

function requestedMinorUnits(requested: number | string, currency: string): number {
  try {
    return adminAmountToMinorUnits(requested, currency)
  } catch (e) {
    throw asRefusedBeforeActing(e)
  }
}

async function liveKlarnaState(container: MedusaContainer, payment: KlarnaPaymentRow): Promise<KlarnaPaymentData> {
  const order = await klarnaClientFor(container, payment.provider_id).getOrder(payment.data.klarna_order_id!)
  return applyOrderSnapshot(payment.data, order)
}
