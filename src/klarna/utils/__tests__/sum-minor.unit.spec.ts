import { BigNumber } from "@medusajs/framework/utils"
import { rowMinorUnits, sumMinor } from "../currency"

describe("rowMinorUnits / sumMinor", () => {
  it("prefers the exact raw_amount over amount", () => {
    expect(rowMinorUnits({ raw_amount: { value: "10.005", precision: 20 }, amount: 10 }, "sek")).toBe(1001)
    expect(rowMinorUnits({ amount: "49.99" }, "SEK")).toBe(4999)
    expect(rowMinorUnits({ amount: new BigNumber(1500) }, "jpy")).toBe(1500)
  })

  it("sums rows in minor units, 0 for none", () => {
    const rows = [{ raw_amount: { value: "0.1", precision: 20 } }, { amount: 0.2 }, { raw_amount: null, amount: "1" }]
    expect(sumMinor(rows, "eur")).toBe(130)
    expect(sumMinor([], "eur")).toBe(0)
    expect(sumMinor(undefined, "eur")).toBe(0)
    expect(sumMinor(null, "eur")).toBe(0)
  })

  it("throws for a row without an amount unless missingAsZero", () => {
    expect(() => rowMinorUnits({}, "sek")).toThrow("Invalid amount undefined: an amount is required")
    expect(() => sumMinor([{ amount: 1 }, { raw_amount: undefined, amount: null }], "sek")).toThrow(
      "Invalid amount null: an amount is required"
    )
    expect(rowMinorUnits({}, "sek", { missingAsZero: true })).toBe(0)
    expect(sumMinor([{ amount: 1 }, {}], "sek", { missingAsZero: true })).toBe(100)
  })
})
