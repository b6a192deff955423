import { Modules } from "@medusajs/framework/utils"
import type { IOrderModuleService, IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { importedLedgerRows } from "../../../woocommerce"

/**
 * The order's transactions and credit lines for its payment's captures and
 * refunds (see importedLedgerRows), so the order's summary (paid, refunded,
 * outstanding) is right. Adds only what is missing, keyed by the capture or
 * refund id: safe to run again.
 */
export async function recordImportedTransactions(container: MedusaContainer, orderId: string, paymentId: string) {
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const orders = container.resolve<IOrderModuleService>(Modules.ORDER)
  const [payment] = await payments.listPayments({ id: paymentId }, { select: ["id", "currency_code"], relations: ["captures", "refunds"] })
  if (!payment) {
    return
  }
  const amountOf = (row: any) => row.raw_amount ?? row.amount
  const rows = importedLedgerRows({
    order_id: orderId,
    currency_code: payment.currency_code,
    captures: (payment.captures ?? []).map((c: any) => ({ id: c.id, amount: amountOf(c) })),
    refunds: (payment.refunds ?? []).map((r: any) => ({ id: r.id, amount: amountOf(r) })),
  })
  if (rows.transactions.length) {
    const existing = await orders.listOrderTransactions({ order_id: orderId, reference_id: rows.transactions.map((t) => t.reference_id) } as any, { select: ["reference_id"] })
    const known = new Set(existing.map((t: any) => t.reference_id))
    const missing = rows.transactions.filter((t) => !known.has(t.reference_id))
    if (missing.length) {
      await orders.addOrderTransactions(missing as any)
    }
  }
  if (rows.credit_lines.length) {
    const credited = await (orders as any).listOrderCreditLines({ order_id: orderId, reference_id: rows.credit_lines.map((c) => c.reference_id) }, { select: ["reference_id"] })
    const creditedIds = new Set(credited.map((c: any) => c.reference_id))
    const uncredited = rows.credit_lines.filter((c) => !creditedIds.has(c.reference_id))
    if (uncredited.length) {
      await orders.createOrderCreditLines(uncredited as any)
    }
  }
}
