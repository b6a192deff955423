import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

export type ImportedLedger = {
  order_id: string
  currency_code: string
  captures: Array<{ id: string; amount: BigNumberInput }>
  refunds: Array<{ id: string; amount: BigNumberInput }>
}

/**
 * What Medusa's own capture and refund workflows add to an order for its
 * payment's captures and refunds: a transaction per capture (+) and refund
 * (−), and a credit line per refund (Medusa's refund credits the order what
 * it pays back), keyed by the capture or refund id.
 */
export function importedLedgerRows({ order_id, currency_code, captures, refunds }: ImportedLedger) {
  return {
    transactions: [
      ...captures.map((c) => ({ order_id, currency_code, reference: "capture", reference_id: c.id, amount: c.amount })),
      ...refunds.map((r) => ({ order_id, currency_code, reference: "refund", reference_id: r.id, amount: MathBN.mult(r.amount, -1) })),
    ],
    credit_lines: refunds.map((r) => ({ order_id, amount: r.amount, reference: "refund", reference_id: r.id })),
  }
}
