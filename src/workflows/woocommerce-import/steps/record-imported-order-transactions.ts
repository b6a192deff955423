import { Modules } from "@medusajs/framework/utils"
import type { IOrderModuleService } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { importedLedgerRows } from "../../../woocommerce"

type Ledger = { order_id: string; currency_code: string; captures: Array<{ id: string; amount: string }>; refunds: Array<{ id: string; amount: string }> }

/**
 * What recordImportedTransactions adds for one order (importedLedgerRows),
 * for a page's orders in two writes, so each order's summary reads paid,
 * refunded, nothing outstanding. Undone with the orders (deleting an order deletes its
 * transactions and credit lines).
 */
export const recordImportedOrderTransactionsStep = createStep(
  "record-imported-order-transactions",
  async (input: { ledgers: Ledger[] }, { container }) => {
    const orders = container.resolve<IOrderModuleService>(Modules.ORDER)
    const rows = input.ledgers.map(importedLedgerRows)
    const transactions = rows.flatMap((r) => r.transactions)
    if (transactions.length) {
      await orders.addOrderTransactions(transactions as any)
    }
    const credits = rows.flatMap((r) => r.credit_lines)
    if (credits.length) {
      await orders.createOrderCreditLines(credits as any)
    }
    return new StepResponse(undefined)
  }
)
