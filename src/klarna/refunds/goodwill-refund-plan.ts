import type { KlarnaRefundPlan } from "../types/payment-data"
import { buildGoodwillRefundLines, describeGoodwillSplit, type GoodwillPolicy } from "../utils/refund-lines"
import type { KlarnaOrderLine } from "../validation/order-line-rules"

/**
 * A good-will refund of `amount` minor units against what Klarna captured,
 * under the merchant's VAT policy. Throws (NOT_ALLOWED) what the policy refuses.
 */
export function goodwillRefundPlan(input: {
  amount: number
  currency: string
  captured_lines: KlarnaOrderLine[]
  policy: GoodwillPolicy
}): KlarnaRefundPlan {
  const lines = buildGoodwillRefundLines(input)
  return { amount: input.amount, kind: "goodwill", order_lines: lines, summary: describeGoodwillSplit(lines, input.currency) }
}
