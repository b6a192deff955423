/** Every client call, with the phrase used in merchant-facing messages ("while trying to …"). */
export const KLARNA_OPERATIONS = {
  createSession: "create the payment session",
  readSession: "read the payment session",
  updateSession: "update the payment session",
  createOrder: "create the order",
  cancelAuthorization: "cancel the payment authorization",
  createCheckoutOrder: "create the checkout order",
  getCheckoutOrder: "read the checkout order",
  updateCheckoutOrder: "update the checkout order",
  abortCheckoutOrder: "abort the checkout order",
  getOrder: "read the order",
  captureOrder: "capture the order",
  listCaptures: "list the captures",
  getCapture: "read the capture",
  addCaptureShippingInfo: "add shipping info to the capture",
  refundOrder: "refund the order",
  getRefund: "read the refund",
  cancelOrder: "cancel the order",
  releaseRemainingAuthorization: "release the remaining authorized amount",
  extendAuthorizationTime: "extend the authorization time",
  updateAuthorization: "update the authorized amount",
  updateMerchantReferences: "update the merchant references",
  updateCustomerDetails: "update the shipping address",
  acknowledgeOrder: "acknowledge the order",
  listPayouts: "list the payouts",
  getPayout: "read the payout",
  listTransactions: "list the settlement transactions",
} as const

export type KlarnaOperation = keyof typeof KLARNA_OPERATIONS

export function describeOperation(operation: string): string {
  return (KLARNA_OPERATIONS as Record<string, string>)[operation] ?? operation
}
