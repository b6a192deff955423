/** Lookups from Klarna's ids and Medusa's references to Medusa's captures, refunds and orders. */
import type { MatchedOrder, MedusaCaptureRecord, MedusaRefundRecord } from "./types"

export interface MedusaIndex {
  captureByKlarnaId: Map<string, MedusaCaptureRecord>
  captureByMedusaId: Map<string, MedusaCaptureRecord>
  refundByKlarnaId: Map<string, MedusaRefundRecord>
  refundByMedusaId: Map<string, MedusaRefundRecord>
  orderByKlarnaId: Map<string, MatchedOrder>
}

const byId = <T>(id: (r: T) => string) => (a: T, b: T) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0)

/** The first record wins when an id repeats; records are sorted first so "first" does not depend on input order. */
function firstBy<T>(records: T[], key: (r: T) => string | undefined): Map<string, T> {
  const map = new Map<string, T>()
  for (const r of records) {
    const k = key(r)
    if (k !== undefined && !map.has(k)) map.set(k, r)
  }
  return map
}

export const orderOf = (r: MedusaCaptureRecord | MedusaRefundRecord): MatchedOrder => ({
  order_id: r.order_id,
  ...(r.order_display_id !== undefined ? { order_display_id: r.order_display_id } : {}),
  klarna_order_id: r.klarna_order_id,
})

export function indexMedusa(captures: MedusaCaptureRecord[], refunds: MedusaRefundRecord[]): MedusaIndex {
  const cs = [...captures].sort(byId((c) => c.medusa_capture_id))
  const rs = [...refunds].sort(byId((r) => r.medusa_refund_id))
  const orderByKlarnaId = new Map<string, MatchedOrder>()
  for (const r of [...cs, ...rs]) {
    if (!orderByKlarnaId.has(r.klarna_order_id)) orderByKlarnaId.set(r.klarna_order_id, orderOf(r))
  }
  return {
    captureByKlarnaId: firstBy(cs, (c) => c.klarna_capture_id),
    captureByMedusaId: firstBy(cs, (c) => c.medusa_capture_id),
    refundByKlarnaId: firstBy(rs, (r) => r.klarna_refund_id),
    refundByMedusaId: firstBy(rs, (r) => r.medusa_refund_id),
    orderByKlarnaId,
  }
}
