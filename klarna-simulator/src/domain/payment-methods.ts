import type { AuthorizedPaymentMethod, InitialPaymentMethod, PaymentMethodCategory } from "../state/models"

export const PAYMENT_METHOD_CATEGORIES = ["pay_later", "pay_over_time", "pay_now", "klarna"] as const satisfies readonly PaymentMethodCategory[]

const ASSETS = "https://x.klarnacdn.net/payment-method/assets/badges/generic"

/** What a created session offers (Klarna's `payment_method_categories`). */
export const OFFERED_CATEGORIES = [
  { identifier: "pay_later", name: "Pay later" },
  { identifier: "pay_over_time", name: "Financing" },
  { identifier: "pay_now", name: "Pay now" },
].map((c) => ({
  ...c,
  asset_urls: { descriptive: `${ASSETS}/klarna.svg`, standard: `${ASSETS}/klarna.svg` },
}))

/** OM `initial_payment_method.type` the simulated customer ends up with for a category. */
export const DEFAULT_METHOD_TYPE: Record<PaymentMethodCategory, string> = {
  pay_later: "INVOICE",
  pay_over_time: "FIXED_AMOUNT",
  pay_now: "DIRECT_DEBIT",
  klarna: "INVOICE",
}

/** Methods for which Klarna allows increasing the order amount (klarna-api.md §4). */
export const INCREASE_ALLOWED_TYPES = new Set(["INVOICE", "INVOICE_BUSINESS", "ACCOUNT", "DIRECT_DEBIT", "FIXED_AMOUNT"])

const INSTALLMENT_TYPES = new Set(["FIXED_AMOUNT", "PAY_IN_X", "PAY_LATER_IN_PARTS", "FIXED_AMOUNT_BY_CARD"])

const KP_TYPE: Record<string, string> = {
  INVOICE: "invoice",
  INVOICE_BUSINESS: "b2b_invoice",
  ACCOUNT: "base_account",
  FIXED_AMOUNT: "fixed_amount",
  DIRECT_DEBIT: "direct_debit",
  BANK_TRANSFER: "direct_bank_transfer",
  CARD: "card",
  PAY_BY_CARD: "pay_by_card",
  PAY_LATER_BY_CARD: "pay_later_by_card",
  FIXED_AMOUNT_BY_CARD: "slice_it_by_card",
  FIXED_SUM_CREDIT: "fixed_sum_credit",
  ALTERNATIVE_PAYMENT_METHOD: "alternative_payment_method",
}

const DESCRIPTION: Record<string, string> = {
  INVOICE: "Pay later in 30 days",
  INVOICE_BUSINESS: "Pay later in 30 days (business)",
  ACCOUNT: "Klarna account",
  FIXED_AMOUNT: "Pay in 3 installments",
  DIRECT_DEBIT: "Direct debit",
  BANK_TRANSFER: "Bank transfer",
  CARD: "Card",
}

/** Payments API `authorized_payment_method` for an OM method type. */
export function authorizedPaymentMethod(type: string): AuthorizedPaymentMethod {
  const upper = type.toUpperCase()
  const out: AuthorizedPaymentMethod = { type: KP_TYPE[upper] ?? upper.toLowerCase() }
  if (upper === "INVOICE" || upper === "INVOICE_BUSINESS") out.number_of_days = 30
  if (INSTALLMENT_TYPES.has(upper)) out.number_of_installments = 3
  return out
}

export function initialPaymentMethod(type: string): InitialPaymentMethod {
  const upper = type.toUpperCase()
  const out: InitialPaymentMethod = { type: upper, description: DESCRIPTION[upper] ?? upper.replace(/_/g, " ").toLowerCase() }
  if (INSTALLMENT_TYPES.has(upper)) out.number_of_installments = 3
  return out
}
