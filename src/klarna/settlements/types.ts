/**
 * What reconciliation reads (Medusa's captures and refunds of Klarna payments, Klarna's settlement
 * transactions) and what it answers. Amounts are integer minor units throughout.
 */
import { z } from "zod"
import type { KlarnaSettlementTransaction } from "../client/settlements-schemas"

export type { KlarnaSettlementTransaction }

const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date-time")
const displayId = z.union([z.string(), z.number().int()])

/** One Medusa capture of a Klarna payment. */
export const medusaCaptureRecordSchema = z.object({
  /** Medusa's order id. */
  order_id: z.string().min(1),
  /** Medusa's order number shown to people (display_id), for exports. */
  order_display_id: displayId.optional(),
  klarna_order_id: z.string().min(1),
  /** Sent to Klarna as the capture's `reference`; comes back as `merchant_capture_reference`. */
  medusa_capture_id: z.string().min(1),
  /** Klarna's capture id, when Medusa stored it. */
  klarna_capture_id: z.string().min(1).optional(),
  amount: z.number().int().min(0),
  currency_code: z.string().min(1),
  captured_at: isoDate,
})
export type MedusaCaptureRecord = z.infer<typeof medusaCaptureRecordSchema>

/** One Medusa refund of a Klarna payment. */
export const medusaRefundRecordSchema = z.object({
  order_id: z.string().min(1),
  order_display_id: displayId.optional(),
  klarna_order_id: z.string().min(1),
  /** Sent to Klarna as the refund's `reference`; comes back as `merchant_refund_reference`. */
  medusa_refund_id: z.string().min(1),
  klarna_refund_id: z.string().min(1).optional(),
  amount: z.number().int().min(0),
  currency_code: z.string().min(1),
  refunded_at: isoDate,
})
export type MedusaRefundRecord = z.infer<typeof medusaRefundRecordSchema>

export interface ReconcileInput {
  transactions: readonly KlarnaSettlementTransaction[]
  captures: readonly MedusaCaptureRecord[]
  refunds: readonly MedusaRefundRecord[]
  /** The moment "overdue" is measured against (passed in, so the answer depends on the input only). */
  now: string | Date
  /** A capture or refund not in any payout this many days after it happened is overdue. */
  overdue_after_days: number
}

/**
 * - matched: a SALE/RETURN that is a Medusa capture/refund, same amount and currency.
 * - amount_differs: matched, but the amount (or the currency) is not Medusa's.
 * - unmatched: a SALE/RETURN with no Medusa capture/refund (the order may still be known).
 * - attached: any other row (FEE, REVERSAL, …) naming a capture, refund or order Medusa knows.
 * - unattached: any other row naming nothing Medusa knows (merchant-level fees, unknown orders).
 */
export type TransactionMatchState = "matched" | "amount_differs" | "unmatched" | "attached" | "unattached"

export type MatchedBy = "capture_id" | "merchant_capture_reference" | "refund_id" | "merchant_refund_reference" | "order_id"

export interface MatchedOrder {
  order_id: string
  order_display_id?: string | number
  klarna_order_id: string
}

export interface TransactionMatch {
  transaction: KlarnaSettlementTransaction
  state: TransactionMatchState
  matched_by?: MatchedBy
  order?: MatchedOrder
  medusa_capture_id?: string
  medusa_refund_id?: string
  /** Medusa's amount of the matched capture/refund. */
  medusa_amount?: number
  medusa_currency_code?: string
  /** |Klarna's amount| − Medusa's amount, when matched. */
  difference?: number
  /** The same capture/refund was already matched by an earlier row (in the answer's order). */
  duplicate?: boolean
}

/** paid_out: in a payout; pending: not yet, still within the allowed days; overdue: not after them. */
export type PayoutStatus = "paid_out" | "pending" | "overdue"

export interface CaptureSettlement {
  capture: MedusaCaptureRecord
  status: PayoutStatus
  /** Payouts that contain it, sorted. */
  payment_references: string[]
  /** Σ |amount| of the SALE rows matched to it. */
  paid_out_amount: number
}

export interface RefundSettlement {
  refund: MedusaRefundRecord
  status: PayoutStatus
  payment_references: string[]
  paid_out_amount: number
}

export interface SettlementReconciliation {
  /** One per transaction, in a fixed order (payout, date, type, ids), whatever the input order. */
  transactions: TransactionMatch[]
  captures: CaptureSettlement[]
  refunds: RefundSettlement[]
}
