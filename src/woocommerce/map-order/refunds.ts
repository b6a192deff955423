/**
 * Refunds: the full refund objects when given, plus the order's `refunds[]`
 * summaries for any refund not among them. Amounts are positive; refunds above
 * the order total reject the order.
 */
import { getMetaString } from "../woo-meta"
import type { WooOrder, WooRefund } from "../woo-schemas"
import { toUtcIso } from "./dates"
import { clean, type OrderScope } from "./order-scope"
import type { ImportedRefund, ImportedRefundItem } from "./woo-draft-types"

function refundItems(scope: OrderScope, r: WooRefund): ImportedRefundItem[] {
  return r.line_items.map((li) => {
    const orig = getMetaString(li.meta_data, "_refunded_item_id")
    return {
      woo_line_id: orig && /^\d+$/.test(orig) ? Number(orig) : null,
      quantity: Math.abs(li.quantity ?? 0),
      total: Math.abs(scope.money(li.total, `refund ${r.id} line ${li.id} total`)),
      total_tax: Math.abs(scope.money(li.total_tax, `refund ${r.id} line ${li.id} total_tax`)),
    }
  })
}

/** `number` is the order number, for the Klarna refund reference "{number}|{refund id}". */
export function mapRefunds(
  scope: OrderScope,
  order: WooOrder,
  fullRefunds: readonly WooRefund[] | undefined,
  number: string,
  orderTotal: number
): { refunds: ImportedRefund[]; refundedTotal: number } {
  const refunds: ImportedRefund[] = []
  for (const r of fullRefunds ?? []) {
    const amount = scope.money(r.amount, `refund ${r.id} amount`, true)
    const items = refundItems(scope, r)
    refunds.push({
      woo_refund_id: r.id,
      amount: Math.abs(amount),
      reason: clean(r.reason),
      created_at: toUtcIso(r.date_created_gmt, r.date_created, `refund ${r.id} date`, scope.warnings),
      refunded_payment: typeof r.refunded_payment === "boolean" ? r.refunded_payment : null,
      klarna_reference: `${number}|${r.id}`,
      items,
    })
  }
  for (const s of order.refunds) {
    if (refunds.some((r) => r.woo_refund_id === s.id)) continue
    if (fullRefunds) scope.warnings.push(`refund ${s.id} is listed on the order but was not in the refunds given; imported from the order's summary`)
    refunds.push({
      woo_refund_id: s.id,
      amount: Math.abs(scope.money(s.total, `refund ${s.id} total`, true)),
      reason: clean(s.reason),
      created_at: null,
      refunded_payment: null,
      klarna_reference: `${number}|${s.id}`,
      items: [],
    })
  }
  const refundedTotal = refunds.reduce((s, r) => s + r.amount, 0)
  if (refundedTotal > orderTotal) {
    scope.fail(`refunds add up to ${scope.fmt(refundedTotal)}, more than the order total ${scope.fmt(orderTotal)}; not imported.`)
  }
  return { refunds, refundedTotal }
}
