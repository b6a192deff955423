import { MedusaError } from "@medusajs/framework/utils"
import type { KlarnaOrderLine } from "../validation/order-line-rules"
import { formatMinorUnits } from "../utils/currency"

export interface RefundableOrder {
  status: string
  order_amount: number
  captured_amount: number
  refunded_amount: number
  purchase_currency: string
  order_lines?: KlarnaOrderLine[] | null
  refunds?: Array<{ refund_id: string; refunded_amount: number; reference?: string | null; refunded_at?: string | null }> | null
}

export type RefundDecision =
  | { action: "none"; refund_id: string; amount: number; refunded_at?: string; adopted?: boolean }
  | { action: "refund"; amount: number; orderLines?: KlarnaOrderLine[] }

/** Decides what a Medusa refund of `amount` minor units needs in Klarna. */
export function decideRefund(input: {
  order: RefundableOrder
  amount: number
  medusaRefundId?: string
  /** What of Klarna's refunded amount no Medusa refund accounts for (see unownedKlarnaAmount). */
  unowned?: { amount: number; latest?: { id: string } }
}): RefundDecision {
  const { order, amount, medusaRefundId } = input
  const fmt = (m: number) => formatMinorUnits(m, order.purchase_currency)

  const same = medusaRefundId ? (order.refunds ?? []).find((r) => r.reference === medusaRefundId) : undefined
  if (same) {
    return { action: "none", refund_id: same.refund_id, amount: same.refunded_amount, refunded_at: same.refunded_at ?? undefined }
  }
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A Klarna refund needs an amount greater than zero.")
  }
  // A refund made outside Medusa for at least this amount is this refund: adopted, not repeated.
  const latest = (order.refunds ?? []).find((r) => r.refund_id === input.unowned?.latest?.id)
  if (latest && input.unowned!.amount >= amount) {
    return { action: "none", refund_id: latest.refund_id, amount, refunded_at: latest.refunded_at ?? undefined, adopted: true }
  }
  if (order.captured_amount <= 0) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Klarna order has not been captured and cannot be refunded."
    )
  }
  const refundable = order.captured_amount - order.refunded_amount
  if (amount > refundable) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Could not refund Klarna order: ${fmt(amount)} is more than the ${fmt(refundable)} captured and not yet refunded.`
    )
  }
  const isFullRefund =
    order.refunded_amount === 0 && amount === order.captured_amount && order.captured_amount === order.order_amount
  return {
    action: "refund",
    amount,
    orderLines: isFullRefund && order.order_lines?.length ? order.order_lines : undefined,
  }
}
