import { adminAmountToMinorUnits } from "../admin-amount"
import { AdminKlarnaIdParam } from "../../../api/admin/klarna/validate-id-param"
import { captureRemainderRefusal } from "../../decisions/capture-remainder"

describe("adminAmountToMinorUnits", () => {
  it.each([
    [10.5, "SEK", 1050],
    [10.05, "sek", 1005],
    [0.01, "SEK", 1],
    [1500, "JPY", 1500],
    [1.234, "KWD", 1234],
    ["49.99", "EUR", 4999],
  ])("%p %s is %p minor units", (amount, currency, minor) => {
    expect(adminAmountToMinorUnits(amount, currency)).toBe(minor)
  })

  it.each([
    [10.005, "SEK", "10.005 SEK cannot be charged: SEK amounts have at most 2 decimals."],
    [1500.5, "JPY", "1500.5 JPY cannot be charged: JPY amounts have no decimals."],
    [1.2345, "KWD", "1.2345 KWD cannot be charged: KWD amounts have at most 3 decimals."],
    [0.001, "SEK", "0.001 SEK is less than the smallest SEK amount, 0,01 SEK."],
    [0.4, "JPY", "0.4 JPY is less than the smallest JPY amount, 1 JPY."],
    [0, "SEK", "The amount must be greater than zero (got 0 SEK)."],
    [-5, "SEK", "The amount must be greater than zero (got -5 SEK)."],
  ])("refuses %p %s instead of rounding it", (amount, currency, message) => {
    expect(() => adminAmountToMinorUnits(amount, currency)).toThrow(message)
  })

  it("refuses what is not a finite amount", () => {
    expect(() => adminAmountToMinorUnits(Infinity, "SEK")).toThrow(/not a finite number/)
    expect(() => adminAmountToMinorUnits(1e300, "SEK")).toThrow(/safe integer/)
  })
})

describe("captureRemainderRefusal", () => {
  it("lets an amount up to the remainder through", () => {
    expect(captureRemainderRefusal(25000, 25000, "SEK")).toBeUndefined()
    expect(captureRemainderRefusal(1, 25000, "SEK")).toBeUndefined()
  })

  it("names the remainder when the amount is more", () => {
    expect(captureRemainderRefusal(250000, 25000, "SEK")).toBe("Cannot capture 2 500,00 SEK: only 250,00 SEK is left to capture on this order.")
    expect(captureRemainderRefusal(100, 0, "SEK")).toBe("Cannot capture 1,00 SEK: nothing is left to capture on this order.")
  })
})

describe("AdminKlarnaIdParam", () => {
  it.each(["order_01JABCDEF", "x"])("accepts %p", (id) => {
    expect(AdminKlarnaIdParam.safeParse(id).success).toBe(true)
  })

  it.each(["", "\u0000", "order_1\u0000", "a\nb", "a\u001fb", "a\u007fb", "a\u0085b", "x".repeat(201)])("refuses %j", (id) => {
    expect(AdminKlarnaIdParam.safeParse(id).success).toBe(false)
  })
})
