/** Payouts and settlement transactions as the Settlements API returns them, plus the realm that paid them. */
import type { Realm } from "../realm"

export interface PayoutTotals {
  commission_amount: number
  repay_amount: number
  sale_amount: number
  holdback_amount: number
  tax_amount: number
  settlement_amount: number
  fee_correction_amount: number
  reversal_amount: number
  release_amount: number
  return_amount: number
  fee_amount: number
  charge_amount: number
  credit_amount: number
  fee_refund_amount: number
  tax_refund_amount: number
  deposit_amount: number
  opening_debt_balance_amount: number
  closing_debt_balance_amount: number
}

export interface SimPayout {
  realm: Realm
  payment_reference: string
  payout_date: string
  currency_code: string
  merchant_settlement_type: "NET"
  merchant_id: string
  totals: PayoutTotals
}

export interface SimSettlementTransaction {
  realm: Realm
  type: "SALE" | "RETURN" | "FEE"
  detailed_type: "PURCHASE" | "PURCHASE_RETURN" | "PURCHASE_FEE_PERCENTAGE" | "PURCHASE_FEE_FIXED"
  amount: number
  currency_code: string
  payment_reference: string
  order_id: string
  short_order_id: string
  /** "" on returns, as Klarna sends it. */
  capture_id: string
  refund_id?: string
  sale_date: string
  capture_date: string
  purchase_country: string
  merchant_reference1?: string
  merchant_reference2?: string
  merchant_capture_reference?: string
  merchant_refund_reference?: string
  initial_payment_method_type?: string
}
