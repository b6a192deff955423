export * from "./types"
export { createWooReader } from "./create-woo-reader"
export { isKlarnaOrder, KLARNA_PAYMENT_METHOD_IDS, KLARNA_WOO_PAYMENT_METHODS, isLegacyKlarnaPaymentMethod } from "../klarna-payment-methods"
