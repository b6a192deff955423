import type { KlarnaSettlementTransaction } from "../../client/settlements-schemas"
import type { MedusaCaptureRecord, MedusaRefundRecord } from "../types"

export const capture = (n: number, over: Partial<MedusaCaptureRecord> = {}): MedusaCaptureRecord => ({
  order_id: `order_${n}`,
  order_display_id: 1000 + n,
  klarna_order_id: `k-ord-${n}`,
  medusa_capture_id: `capt_${n}`,
  klarna_capture_id: `k-cap-${n}`,
  amount: 10000,
  currency_code: "SEK",
  captured_at: "2025-01-10T12:00:00.000Z",
  ...over,
})

export const refund = (n: number, over: Partial<MedusaRefundRecord> = {}): MedusaRefundRecord => ({
  order_id: `order_${n}`,
  order_display_id: 1000 + n,
  klarna_order_id: `k-ord-${n}`,
  medusa_refund_id: `ref_${n}`,
  klarna_refund_id: `k-ref-${n}`,
  amount: 2500,
  currency_code: "SEK",
  refunded_at: "2025-01-12T12:00:00.000Z",
  ...over,
})

export const tx = (over: Partial<KlarnaSettlementTransaction> & Pick<KlarnaSettlementTransaction, "type">): KlarnaSettlementTransaction => ({
  amount: 10000,
  currency_code: "SEK",
  payment_reference: "PAY1",
  sale_date: "2025-01-09T12:00:00Z",
  capture_date: "2025-01-10T12:00:00Z",
  purchase_country: "SE",
  ...over,
})

export const saleOf = (n: number, over: Partial<KlarnaSettlementTransaction> = {}) =>
  tx({ type: "SALE", order_id: `k-ord-${n}`, capture_id: `k-cap-${n}`, merchant_capture_reference: `capt_${n}`, ...over })

export const returnOf = (n: number, over: Partial<KlarnaSettlementTransaction> = {}) =>
  tx({ type: "RETURN", amount: 2500, order_id: `k-ord-${n}`, refund_id: `k-ref-${n}`, merchant_refund_reference: `ref_${n}`, ...over })

export const feeOf = (n: number, over: Partial<KlarnaSettlementTransaction> = {}) =>
  tx({ type: "FEE", amount: 290, order_id: `k-ord-${n}`, capture_id: `k-cap-${n}`, detailed_type: "PURCHASE_FEE_PERCENTAGE", ...over })
