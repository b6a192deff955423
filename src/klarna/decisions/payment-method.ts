import type { KlarnaPaymentMethod } from "../types/payment-data"

/**
 * Klarna's payment method types (Order Management `initial_payment_method.type`,
 * Payments `authorized_payment_method.type`, case-insensitive) grouped into the
 * four methods the order-management toggles are set for.
 */
const METHOD_BY_TYPE: Record<string, KlarnaPaymentMethod> = {
  INVOICE: "pay_later",
  INVOICE_BUSINESS: "pay_later",
  B2B_INVOICE: "pay_later",
  PAY_LATER_BY_CARD: "pay_later",
  DEFERRED_INTEREST: "pay_later",
  FIXED_AMOUNT: "pay_over_time",
  FIXED_AMOUNT_BY_CARD: "pay_over_time",
  FIXED_SUM_CREDIT: "pay_over_time",
  ACCOUNT: "pay_over_time",
  BASE_ACCOUNT: "pay_over_time",
  PAY_IN_X: "pay_over_time",
  PAY_LATER_IN_PARTS: "pay_over_time",
  SLICE_IT_BY_CARD: "pay_over_time",
  DIRECT_DEBIT: "pay_now",
  DIRECT_BANK_TRANSFER: "pay_now",
  BANK_TRANSFER: "pay_now",
  CARD: "pay_now",
  PAY_BY_CARD: "pay_now",
  SWISH: "pay_now",
  MOBILEPAY: "pay_now",
  ALTERNATIVE_PAYMENT_METHOD: "pay_now",
}

const METHOD_BY_CATEGORY: Record<string, KlarnaPaymentMethod> = {
  pay_later: "pay_later",
  pay_over_time: "pay_over_time",
  pay_now: "pay_now",
  direct_debit: "pay_now",
  direct_bank_transfer: "pay_now",
}

/**
 * Decides which of the four methods an order was paid with. Klarna Checkout
 * orders are always `klarna_checkout`; otherwise the authorized type wins, then
 * the session category the customer chose; unknown types count as pay later
 * (Klarna's default product), which is the most conservative toggle set.
 */
export function resolveKlarnaPaymentMethod(input: {
  type?: string | null
  category?: string | null
  isCheckout?: boolean
}): KlarnaPaymentMethod {
  if (input.isCheckout) {
    return "klarna_checkout"
  }
  const byType = input.type ? METHOD_BY_TYPE[input.type.toUpperCase()] : undefined
  if (byType) {
    return byType
  }
  const byCategory = input.category ? METHOD_BY_CATEGORY[input.category.toLowerCase()] : undefined
  return byCategory ?? "pay_later"
}
