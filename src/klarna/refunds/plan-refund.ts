import { MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import type { KlarnaOrder } from "../client"
import type { KlarnaRefundPlan } from "../types/payment-data"
import { capturedLines } from "../decisions/captured-lines"
import { formatMinorUnits, sumMinor, toMinorUnits, type MedusaAmountRow } from "../utils/currency"
import { buildItemRefundLines, describeItemRefund, RETURN_FEE_COUNTRIES, type GoodwillPolicy } from "../utils/refund-lines"
import type { KlarnaOrderLine } from "../validation/order-line-rules"
import { goodwillRefundPlan } from "./goodwill-refund-plan"

/** Items of received returns not refunded to Klarna yet, by the `reference` Klarna's lines carry. */
export interface ReturnedItems {
  return_ids: string[]
  items: Array<{ reference: string; quantity: number }>
}

export interface KlarnaRefundPlanInput {
  /** The Medusa payment's currency and rows. */
  payment: { currency_code: string; captures?: MedusaAmountRow[] | null; refunds?: MedusaAmountRow[] | null }
  /** Major units as the admin asked; without it, everything captured and not refunded in Medusa. */
  requested_amount?: BigNumberInput | null
  klarna: KlarnaOrder
  returned?: ReturnedItems
  policy: GoodwillPolicy
}

/**
 * What a Medusa refund of a Klarna payment sends to Klarna: the captured lines
 * for a full refund; the returned items' lines (with a return fee where Klarna
 * allows one) when the amount is what the received returns are worth;
 * otherwise a good-will refund under the merchant's VAT policy. Throws a
 * MedusaError for what Klarna or the policy would not allow.
 */
export function planKlarnaRefund(input: KlarnaRefundPlanInput): KlarnaRefundPlan {
  const { payment, klarna, returned, policy } = input
  const currency = payment.currency_code
  if (klarna.captured_amount <= 0) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Klarna order has not been captured and cannot be refunded.")
  }
  const refundable = klarna.captured_amount - klarna.refunded_amount
  const amount =
    input.requested_amount !== undefined && input.requested_amount !== null
      ? toMinorUnits(input.requested_amount, currency)
      : sumMinor(payment.captures, currency) - sumMinor(payment.refunds, currency)
  if (amount <= 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A refund needs an amount greater than zero.")
  }
  if (amount > refundable) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Could not refund Klarna order: ${formatMinorUnits(amount, currency)} is more than the ${formatMinorUnits(refundable, currency)} captured and not yet refunded.`
    )
  }
  const captured = capturedLines(klarna)

  if (klarna.refunded_amount === 0 && amount === klarna.captured_amount) {
    return { amount, kind: "full", order_lines: captured, summary: "full refund" }
  }
  const itemPlan = returned?.items.length ? returnedItemsPlan(amount, currency, captured, returned, klarna.purchase_country) : undefined
  return itemPlan ?? goodwillRefundPlan({ amount, currency: klarna.purchase_currency, captured_lines: captured, policy })
}

/** The returned items' lines when they come to exactly `amount`, with a return fee for the difference where allowed. */
function returnedItemsPlan(
  amount: number,
  currency: string,
  captured: KlarnaOrderLine[],
  returned: ReturnedItems,
  purchaseCountry: string | null | undefined
): KlarnaRefundPlan | undefined {
  const asPlan = (lines: KlarnaOrderLine[]): KlarnaRefundPlan => ({
    amount,
    kind: "lines",
    order_lines: lines,
    summary: describeItemRefund(lines),
    return_ids: returned.return_ids,
  })
  const itemsOnly = tryItemLines({ currency, captured_lines: captured, items: returned.items })
  if (itemsOnly && itemsOnly.refunded_amount === amount) {
    return asPlan(itemsOnly.order_lines)
  }
  const country = purchaseCountry?.toUpperCase()
  if (itemsOnly && amount < itemsOnly.refunded_amount && country && RETURN_FEE_COUNTRIES.includes(country)) {
    const withFee = tryItemLines({
      currency,
      captured_lines: captured,
      items: returned.items,
      return_fee: { amount: itemsOnly.refunded_amount - amount, tax_rate: dominantRate(itemsOnly.order_lines) },
      purchase_country: country,
    })
    if (withFee && withFee.refunded_amount === amount) {
      return asPlan(withFee.order_lines)
    }
  }
  return undefined
}

function tryItemLines(input: Parameters<typeof buildItemRefundLines>[0]) {
  try {
    return buildItemRefundLines(input)
  } catch {
    return undefined
  }
}

function dominantRate(lines: Array<{ tax_rate?: number; total_amount: number }>): number {
  const top = [...lines].sort((a, b) => b.total_amount - a.total_amount)[0]
  return top?.tax_rate ?? 0
}
