import { MathBN, Modules } from "@medusajs/framework/utils"
import type { IOrderModuleService, IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"

/**
 * What Medusa's own capture and refund workflows add to the order for its
 * payment's captures and refunds: a transaction per capture (+) and refund
 * (−), and a credit line per refund (Medusa's refund credits the order what
 * it pays back), so the order's summary (paid, refunded, outstanding) is
 * right. Adds only what is missing, keyed by the capture or refund id: safe
 * to run again.
 */
export async function recordImportedTransactions(container: MedusaContainer, orderId: string, paymentId: string) {
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const orders = container.resolve<IOrderModuleService>(Modules.ORDER)
  const [payment] = await payments.listPayments({ id: paymentId }, { select: ["id", "currency_code"], relations: ["captures", "refunds"] })
  if (!payment) {
    return
  }
  const wanted = [
    ...(payment.captures ?? []).map((c: any) => ({ reference: "capture", reference_id: c.id, amount: c.raw_amount ?? c.amount })),
    ...(payment.refunds ?? []).map((r: any) => ({ reference: "refund", reference_id: r.id, amount: MathBN.mult(r.raw_amount ?? r.amount, -1) })),
  ]
  if (!wanted.length) {
    return
  }
  const existing = await orders.listOrderTransactions({ order_id: orderId, reference_id: wanted.map((w) => w.reference_id) } as any, { select: ["reference_id"] })
  const known = new Set(existing.map((t: any) => t.reference_id))
  const missing = wanted.filter((w) => !known.has(w.reference_id))
  if (missing.length) {
    await orders.addOrderTransactions(missing.map((m) => ({ order_id: orderId, currency_code: payment.currency_code, ...m })) as any)
  }
  const refunds = (payment.refunds ?? []) as any[]
  if (refunds.length) {
    const credited = await (orders as any).listOrderCreditLines({ order_id: orderId, reference_id: refunds.map((r) => r.id) } as any, { select: ["reference_id"] })
    const creditedIds = new Set(credited.map((c: any) => c.reference_id))
    const uncredited = refunds.filter((r) => !creditedIds.has(r.id))
    if (uncredited.length) {
      await orders.createOrderCreditLines(uncredited.map((r) => ({ order_id: orderId, amount: r.raw_amount ?? r.amount, reference: "refund", reference_id: r.id })) as any)
    }
  }
}
