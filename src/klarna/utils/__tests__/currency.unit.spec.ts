import fc from "fast-check"
import { BigNumber, MathBN, MedusaError } from "@medusajs/framework/utils"
import {
  currencyExponent,
  formatMinorUnits,
  fromMinorUnits,
  fromMinorUnitsToString,
  toMinorUnits,
} from "../currency"

const expectInvalid = (fn: () => unknown, message?: RegExp) => {
  let err: unknown
  try {
    fn()
  } catch (e) {
    err = e
  }
  expect(err).toBeInstanceOf(MedusaError)
  expect((err as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
  if (message) {
    expect((err as MedusaError).message).toMatch(message)
  }
}

describe("currencyExponent", () => {
  it.each([
    ["SEK", 2],
    ["EUR", 2],
    ["USD", 2],
    ["NOK", 2],
    ["JPY", 0],
    ["KWD", 3],
    ["ISK", 0],
    ["BHD", 3],
    ["CLP", 0],
  ])("%s has %i minor digits", (code, digits) => {
    expect(currencyExponent(code)).toBe(digits)
  })

  it("is case-insensitive", () => {
    expect(currencyExponent("sek")).toBe(2)
    expect(currencyExponent("jpy")).toBe(0)
    expect(currencyExponent(" Kwd ")).toBe(3)
  })

  it("uses ISO 4217, not ICU, where they differ (HUF, IDR, COP, IQD)", () => {
    expect(currencyExponent("HUF")).toBe(2)
    expect(currencyExponent("IDR")).toBe(2)
    expect(currencyExponent("COP")).toBe(2)
    expect(currencyExponent("IQD")).toBe(3)
  })

  it.each(["XYZ", "", "SE", "SEKK", "12$", "EURO"])("rejects the unknown or invalid code %p", (code) => {
    expectInvalid(() => currencyExponent(code), /Unknown currency code/)
  })

  it("rejects non-strings", () => {
    expectInvalid(() => currencyExponent(undefined as unknown as string), /Unknown currency code/)
  })
})

describe("toMinorUnits", () => {
  it("converts decimal strings exactly", () => {
    expect(toMinorUnits("0.1", "SEK")).toBe(10)
    expect(toMinorUnits("0.3", "SEK")).toBe(30)
    expect(toMinorUnits(MathBN.add("0.1", "0.2"), "SEK")).toBe(30)
    expect(toMinorUnits("49.99", "SEK")).toBe(4999)
    expect(toMinorUnits("1250", "SEK")).toBe(125000)
  })

  it("is not fooled by binary floats", () => {
    expect(0.1 + 0.2).not.toBe(0.3)
    expect(toMinorUnits(0.1 + 0.2, "SEK")).toBe(30)
    expect(19.99 * 100).not.toBe(1999)
    expect(toMinorUnits(19.99, "SEK")).toBe(1999)
    expect(Math.round(1.005 * 100)).toBe(100) // the float trap
    expect(toMinorUnits("1.005", "SEK")).toBe(101)
    expect(toMinorUnits(1.005, "SEK")).toBe(101)
    expect(toMinorUnits(4.35, "EUR")).toBe(435)
    expect(toMinorUnits(1.15, "EUR")).toBe(115)
  })

  it("rounds half away from zero", () => {
    expect(toMinorUnits("0.125", "SEK")).toBe(13)
    expect(toMinorUnits("0.124999", "SEK")).toBe(12)
    expect(toMinorUnits("-0.125", "SEK")).toBe(-13)
    expect(toMinorUnits("-0.005", "SEK")).toBe(-1)
    expect(toMinorUnits("-0.004", "SEK")).toBe(0)
    expect(Object.is(toMinorUnits("-0.004", "SEK"), 0)).toBe(true) // never -0
    expect(toMinorUnits("2.5", "JPY")).toBe(3)
    expect(toMinorUnits("-2.5", "JPY")).toBe(-3)
  })

  it("accepts raw BigNumber objects and BigNumber instances", () => {
    expect(toMinorUnits({ value: "49.99", precision: 20 }, "SEK")).toBe(4999)
    expect(toMinorUnits({ value: "33.33333333333333333333", precision: 20 }, "SEK")).toBe(3333)
    expect(toMinorUnits(new BigNumber("12.345"), "SEK")).toBe(1235)
    expect(toMinorUnits(new BigNumber({ value: "0.30000000000000000000", precision: 20 }), "SEK")).toBe(30)
    expect(toMinorUnits(new BigNumber(19.99), "SEK")).toBe(1999)
    expect(toMinorUnits(MathBN.convert("7.77"), "SEK")).toBe(777)
  })

  it("honours the currency's precision", () => {
    expect(toMinorUnits(1500, "JPY")).toBe(1500)
    expect(toMinorUnits("1500.4", "JPY")).toBe(1500)
    expect(toMinorUnits("1.234", "KWD")).toBe(1234)
    expect(toMinorUnits("1.2345", "KWD")).toBe(1235)
    expect(toMinorUnits("1000", "ISK")).toBe(1000)
    expect(toMinorUnits("10", "sek")).toBe(1000)
  })

  it("rejects NaN, infinities, garbage and unsafe values", () => {
    expectInvalid(() => toMinorUnits(NaN, "SEK"))
    expectInvalid(() => toMinorUnits(Infinity, "SEK"))
    expectInvalid(() => toMinorUnits(-Infinity, "SEK"))
    expectInvalid(() => toMinorUnits("abc", "SEK"))
    expectInvalid(() => toMinorUnits("", "SEK"))
    expectInvalid(() => toMinorUnits(undefined as unknown as string, "SEK"))
    expectInvalid(() => toMinorUnits(null as unknown as string, "SEK"))
    expectInvalid(() => toMinorUnits({ value: "nope" }, "SEK"))
    expectInvalid(() => toMinorUnits("1e300", "SEK"))
    expectInvalid(() => toMinorUnits("90071992547409.92", "SEK"))
    expectInvalid(() => toMinorUnits("1", "XYZ"), /Unknown currency code/)
  })
})

describe("fromMinorUnits", () => {
  it("converts exactly", () => {
    expect(fromMinorUnits(4999, "SEK")).toBe(49.99)
    expect(fromMinorUnits(30, "SEK")).toBe(0.3)
    expect(fromMinorUnits(1, "SEK")).toBe(0.01)
    expect(fromMinorUnits(-101, "SEK")).toBe(-1.01)
    expect(fromMinorUnits(1500, "JPY")).toBe(1500)
    expect(fromMinorUnits(1234, "KWD")).toBe(1.234)
    expect(fromMinorUnits(0, "SEK")).toBe(0)
    expect(fromMinorUnits("125000", "SEK")).toBe(1250)
    expect(fromMinorUnitsToString(125000, "SEK")).toBe("1250.00")
    expect(fromMinorUnitsToString(5, "KWD")).toBe("0.005")
    expect(fromMinorUnitsToString(1500, "JPY")).toBe("1500")
  })

  it("rejects non-integers and unsafe values", () => {
    expectInvalid(() => fromMinorUnits(1.5, "SEK"))
    expectInvalid(() => fromMinorUnits(NaN, "SEK"))
    expectInvalid(() => fromMinorUnits(Number.MAX_SAFE_INTEGER + 2, "SEK"))
  })

  it("round-trips with toMinorUnits for every safe amount (property)", () => {
    for (const currency of ["SEK", "EUR", "JPY", "KWD", "USD", "ISK"]) {
      fc.assert(
        fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (minor) => {
          expect(toMinorUnits(fromMinorUnits(minor, currency), currency)).toBe(minor === 0 ? 0 : minor)
          expect(toMinorUnits(fromMinorUnitsToString(minor, currency), currency)).toBe(minor === 0 ? 0 : minor)
        }),
        { numRuns: 500, seed: 20240521 }
      )
    }
  })

  it("round-trips near the safe-integer limit", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (minor) => {
        expect(toMinorUnits(fromMinorUnitsToString(minor, "SEK"), "SEK")).toBe(minor === 0 ? 0 : minor)
      }),
      { numRuns: 300, seed: 7 }
    )
  })
})

describe("formatMinorUnits", () => {
  it("formats Swedish style with plain spaces", () => {
    expect(formatMinorUnits("125000", "SEK")).toBe("1 250,00 SEK")
    expect(formatMinorUnits(125000, "SEK")).toBe("1 250,00 SEK")
    expect(formatMinorUnits(124900, "sek")).toBe("1 249,00 SEK")
    expect(formatMinorUnits(5, "SEK")).toBe("0,05 SEK")
    expect(formatMinorUnits(-150050, "SEK")).toBe("-1 500,50 SEK")
    expect(formatMinorUnits(150000, "JPY")).toBe("150 000 JPY")
    expect(formatMinorUnits(1234, "KWD")).toBe("1,234 KWD")
    expect(formatMinorUnits(100, "EUR", "de-DE")).toBe("1,00 EUR")
    expect(formatMinorUnits(123456789, "USD", "en-US")).toBe("1,234,567.89 USD")
  })

  it("never contains non-breaking or narrow spaces", () => {
    expect(formatMinorUnits(123456789012, "SEK")).toBe("1 234 567 890,12 SEK")
    expect(formatMinorUnits(123456789012, "EUR", "fr-FR")).not.toMatch(/[\u00a0\u202f]/)
  })

  it("formats large amounts exactly", () => {
    expect(formatMinorUnits(Number.MAX_SAFE_INTEGER, "SEK")).toBe("90 071 992 547 409,91 SEK")
  })
})
