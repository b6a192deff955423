import { toMedusaPaymentStatus } from "../status"
import { resolveKlarnaPaymentMethod } from "../payment-method"

const future = new Date(Date.now() + 86400_000).toISOString()

describe("toMedusaPaymentStatus", () => {
  it.each([
    ["AUTHORIZED", "ACCEPTED", 0, future, "authorized"],
    ["AUTHORIZED", "PENDING", 0, future, "pending_authorization"],
    ["AUTHORIZED", "REJECTED", 0, future, "error"],
    ["AUTHORIZED", "ACCEPTED", 0, new Date(Date.now() - 1000).toISOString(), "canceled"],
    ["PART_CAPTURED", "ACCEPTED", 100, future, "authorized"],
    ["CAPTURED", "ACCEPTED", 100, future, "captured"],
    ["CANCELLED", "ACCEPTED", 0, future, "canceled"],
    ["EXPIRED", "ACCEPTED", 0, future, "canceled"],
    ["EXPIRED", "ACCEPTED", 100, future, "captured"],
    ["CLOSED", "ACCEPTED", 0, future, "canceled"],
    ["CLOSED", "ACCEPTED", 100, future, "captured"],
    ["SOMETHING_NEW", "ACCEPTED", 0, future, "error"],
  ])("%s / %s / captured %d → %s", (status, fraud_status, captured_amount, expires_at, expected) => {
    expect(toMedusaPaymentStatus({ status, fraud_status, captured_amount, expires_at })).toBe(expected)
  })
})

describe("resolveKlarnaPaymentMethod", () => {
  it.each([
    [{ type: "INVOICE" }, "pay_later"],
    [{ type: "invoice" }, "pay_later"],
    [{ type: "FIXED_AMOUNT" }, "pay_over_time"],
    [{ type: "PAY_LATER_IN_PARTS" }, "pay_over_time"],
    [{ type: "ACCOUNT" }, "pay_over_time"],
    [{ type: "DIRECT_DEBIT" }, "pay_now"],
    [{ type: "CARD" }, "pay_now"],
    [{ type: "UNKNOWN_NEW", category: "pay_now" }, "pay_now"],
    [{ type: "UNKNOWN_NEW" }, "pay_later"],
    [{ type: "INVOICE", isCheckout: true }, "klarna_checkout"],
  ])("%o → %s", (input, expected) => {
    expect(resolveKlarnaPaymentMethod(input)).toBe(expected)
  })
})
