import { MathBN, Modules } from "@medusajs/framework/utils"
import type { IOrderModuleService } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

type Ledger = { order_id: string; currency_code: string; captures: Array<{ id: string; amount: string }>; refunds: Array<{ id: string; amount: string }> }

/**
 * What recordImportedTransactions adds for one order, for a page's orders in
 * two writes: a transaction per capture (+) and refund (−) and a credit line
 * per refund, so each order's summary reads paid, refunded, nothing
 * outstanding. Undone with the orders (deleting an order deletes its
 * transactions and credit lines).
 */
export const recordImportedOrderTransactionsStep = createStep(
  "record-imported-order-transactions",
  async (input: { ledgers: Ledger[] }, { container }) => {
    const orders = container.resolve<IOrderModuleService>(Modules.ORDER)
    const transactions = input.ledgers.flatMap(({ order_id, currency_code, captures, refunds }) => [
      ...captures.map((c) => ({ order_id, currency_code, reference: "capture", reference_id: c.id, amount: MathBN.convert(c.amount) })),
      ...refunds.map((r) => ({ order_id, currency_code, reference: "refund", reference_id: r.id, amount: MathBN.mult(r.amount, -1) })),
    ])
    if (transactions.length) {
      await orders.addOrderTransactions(transactions as any)
    }
    const credits = input.ledgers.flatMap(({ order_id, refunds }) => refunds.map((r) => ({ order_id, amount: MathBN.convert(r.amount), reference: "refund", reference_id: r.id })))
    if (credits.length) {
      await orders.createOrderCreditLines(credits as any)
    }
    return new StepResponse(undefined)
  }
)
