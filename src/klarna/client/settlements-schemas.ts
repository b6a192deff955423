/**
 * zod schemas for Klarna's Settlements API v1 (`/settlements/v1`; Kustom runs the same API for
 * Klarna Checkout merchants). Field names and types from Klarna's published OpenAPI
 * (klarna-settlements-api-openapi.yml, 1.0.0-rc2).
 *
 * Responses are read leniently, like the Order Management ones: unknown fields are kept, null
 * optional fields become undefined, enums are open. Only what reconciliation cannot do without is
 * required: a payout's reference, date, currency and main totals; a transaction's type, amount and
 * currency. Fields the spec marks required but that describe rather than identify (merchant_id,
 * purchase_country, sale_date, order_id — a merchant-level fee names no order) are optional here,
 * so one odd row does not fail a whole page.
 */
import { z } from "zod"
import type { OpenEnum } from "./schemas"

const openEnum = <const T extends readonly string[]>(_known: T) =>
  z.string() as unknown as z.ZodType<OpenEnum<T[number]>, string>

const maybe = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === null ? undefined : v), schema.optional()).optional()

/** Klarna sends "" for ids that do not apply (capture_id on returns); treat that as absent. */
const maybeId = z
  .preprocess((v) => (v === null || v === "" ? undefined : v), z.string().optional())
  .optional()

const minor = z.number().int()

export const KLARNA_SETTLEMENT_TRANSACTION_TYPES = [
  "COMMISSION",
  "SALE",
  "REVERSAL",
  "RETURN",
  "TAX",
  "FEE",
  "FEE_REFUND",
  "CORRECTION",
  "REVERSAL_MERCHANT_PROTECTION",
  "CHARGE",
  "CREDIT",
  "HOLDBACK",
  "RELEASE",
] as const
export type KlarnaSettlementTransactionType = OpenEnum<(typeof KLARNA_SETTLEMENT_TRANSACTION_TYPES)[number]>

export const KLARNA_SETTLEMENT_DETAILED_TYPES = [
  "COMMISSION",
  "CREDITED_CORRECTION",
  "PURCHASE_FEE_PERCENTAGE",
  "PURCHASE_FEE_PERCENTAGE_REFUND",
  "LATE_RETURN_FEE",
  "PURCHASE_FEE_FIXED",
  "EXPIRY_FEE_GROSS",
  "EXPIRY_FEE",
  "SERVICING_FEE",
  "RETURN_FEE",
  "EXTRA_INVOICE_FEE",
  "PURCHASE_RETURN",
  "COMMISSION_RETURN",
  "REVERSAL",
  "FRAUD_POLICY_CHARGE",
  "COMMISSION_RETURN_GROSS",
  "FRAUD_POLICY_CREDIT_NET",
  "PURCHASE",
  "MANUAL_ENTRY",
  "LOAN_PAYOUT",
  "LOAN_AMORTISATION",
  "LOAN_FEE",
  "FEE_REFUND",
  "PURCHASE_COMMISSION_PERCENTAGE",
  "EXTEND_DUE_DATE_FEE",
  "TRANSFER_FROM_LEGACY_INTEGRATION",
  "FIXED_FEE_CORRECTION_UK",
  "PERCENTAGE_FEE_CORRECTION_UK",
  "VAT_ON_FEE_CORRECTION_UK",
  "FIXED_FEE_CORRECTION_SE",
  "PERCENTAGE_FEE_CORRECTION_SE",
  "PERCENTAGE_FEE_CORRECTION",
  "FIXED_FEE_CORRECTION",
  "ROLLING_RESERVE",
  "PERCENTAGE_FEES",
  "PAYMENT_REMINDER",
  "CORRECTION",
  "UNDER_REVIEW",
  "INSUFFICIENT_BANK_ACCOUNT_DETAILS",
  "DISPUTE_FEE",
  "DISPUTE_FEE_REFUND",
  "CORRECTION_DISPUTE",
  "PAYMENT_DEFAULT",
] as const

export const KLARNA_MERCHANT_SETTLEMENT_TYPES = ["GROSS", "NET", "GROSS_FEE"] as const

export const klarnaPaginationSchema = z.looseObject({
  count: z.number().int().min(0),
  total: maybe(z.number().int().min(0)),
  next: maybe(z.string()),
  prev: maybe(z.string()),
  offset: maybe(z.number().int().min(0)),
})
export type KlarnaPagination = z.infer<typeof klarnaPaginationSchema>

export const klarnaPayoutTotalsSchema = z.looseObject({
  sale_amount: minor,
  return_amount: minor,
  fee_amount: minor,
  settlement_amount: minor,
  commission_amount: maybe(minor),
  repay_amount: maybe(minor),
  holdback_amount: maybe(minor),
  tax_amount: maybe(minor),
  fee_correction_amount: maybe(minor),
  reversal_amount: maybe(minor),
  release_amount: maybe(minor),
  charge_amount: maybe(minor),
  credit_amount: maybe(minor),
  fee_refund_amount: maybe(minor),
  tax_refund_amount: maybe(minor),
  deposit_amount: maybe(minor),
  opening_debt_balance_amount: maybe(minor),
  closing_debt_balance_amount: maybe(minor),
})
export type KlarnaPayoutTotals = z.infer<typeof klarnaPayoutTotalsSchema>

export const klarnaPayoutSchema = z.looseObject({
  payment_reference: z.string().min(1),
  payout_date: z.string().min(1),
  currency_code: z.string().min(1),
  totals: klarnaPayoutTotalsSchema,
  currency_code_of_registration_country: maybe(z.string()),
  merchant_settlement_type: maybe(openEnum(KLARNA_MERCHANT_SETTLEMENT_TYPES)),
  merchant_id: maybe(z.string()),
  /** Link to this payout's transactions. */
  transactions: maybe(z.string()),
})
export type KlarnaPayout = z.infer<typeof klarnaPayoutSchema>

export const klarnaPayoutCollectionSchema = z.looseObject({
  payouts: z.array(klarnaPayoutSchema),
  pagination: klarnaPaginationSchema,
})
export type KlarnaPayoutCollection = z.infer<typeof klarnaPayoutCollectionSchema>

export const klarnaSettlementTransactionSchema = z.looseObject({
  type: openEnum(KLARNA_SETTLEMENT_TRANSACTION_TYPES),
  amount: minor,
  currency_code: z.string().min(1),
  order_id: maybeId,
  short_order_id: maybe(z.string()),
  capture_id: maybeId,
  refund_id: maybeId,
  payment_reference: maybeId,
  payout: maybe(z.string()),
  sale_date: maybe(z.string()),
  capture_date: maybe(z.string()),
  merchant_reference1: maybe(z.string()),
  merchant_reference2: maybe(z.string()),
  merchant_capture_reference: maybeId,
  merchant_refund_reference: maybeId,
  purchase_country: maybe(z.string()),
  shipping_country: maybe(z.string()),
  /** Basis points (2500 = 25 %), on Klarna's fees. */
  vat_rate: maybe(z.number().int()),
  vat_amount: maybe(minor),
  detailed_type: maybe(openEnum(KLARNA_SETTLEMENT_DETAILED_TYPES)),
  initial_payment_method_type: maybe(z.string()),
  initial_number_of_installments: maybe(z.number().int()),
  initial_payment_method_monthly_downpayments: maybe(z.number().int()),
  tax_in_currency_of_registration_country: maybe(minor),
  currency_code_of_registration_country: maybe(z.string()),
  klarna_comment: maybe(z.string()),
  reversal_reference: maybe(z.string()),
})
export type KlarnaSettlementTransaction = z.infer<typeof klarnaSettlementTransactionSchema>

export const klarnaTransactionCollectionSchema = z.looseObject({
  transactions: z.array(klarnaSettlementTransactionSchema),
  pagination: klarnaPaginationSchema,
})
export type KlarnaTransactionCollection = z.infer<typeof klarnaTransactionCollectionSchema>

// ---------------------------------------------------------------- query parameters

/** Klarna's page size: default 20, at most 500. */
export const KLARNA_SETTLEMENTS_MAX_PAGE_SIZE = 500

const pageParams = {
  size: z.number().int().min(1).max(KLARNA_SETTLEMENTS_MAX_PAGE_SIZE).optional(),
  offset: z.number().int().min(0).optional(),
}

/** An ISO 8601 date-time; Klarna reads a bare date as 00:00:00 of that day. */
const dateTime = z.string().refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date-time")

export const klarnaListPayoutsParamsSchema = z.object({
  start_date: dateTime.optional(),
  end_date: dateTime.optional(),
  currency_code: z.string().regex(/^[A-Za-z]{3}$/, "must be an ISO 4217 code").optional(),
  ...pageParams,
})
export type KlarnaListPayoutsParams = z.infer<typeof klarnaListPayoutsParamsSchema>

export const klarnaListTransactionsParamsSchema = z.object({
  payment_reference: z.string().min(1).optional(),
  order_id: z.string().min(1).optional(),
  ...pageParams,
})
export type KlarnaListTransactionsParams = z.infer<typeof klarnaListTransactionsParamsSchema>
