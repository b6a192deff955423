import { KLARNA_MAX_TEXT, cleanText, lineName, lineReference, truncate } from "../order-line-text"

describe("order-line text", () => {
  it("truncate cuts to the limit without splitting a surrogate pair", () => {
    expect(truncate("abc", 3)).toBe("abc")
    expect(truncate("abcd", 3)).toBe("abc")
    expect(truncate("ab😀", 3)).toBe("ab") // the 3rd unit is a high surrogate
    expect(truncate("a😀b", 3)).toBe("a😀")
  })

  it("cleanText turns control characters into one space and trims; non-strings give ''", () => {
    expect(cleanText("  a\t\n\u007fb \u0000")).toBe("a b")
    expect(cleanText(5)).toBe("")
    expect(cleanText(null)).toBe("")
  })

  it("lineName cuts to 255 characters, trims the cut, falls back when blank", () => {
    expect(lineName("x".repeat(300), "Item")).toHaveLength(KLARNA_MAX_TEXT)
    expect(lineName("x".repeat(254) + " y", "Item")).toBe("x".repeat(254))
    expect(lineName(" \n ", "Item")).toBe("Item")
    expect(lineName(undefined, "Shipping")).toBe("Shipping")
  })

  it("lineReference prefers the reference, then the id, else undefined", () => {
    expect(lineReference(" sku-1 ", "id-1")).toBe("sku-1")
    expect(lineReference("\t", "id-1")).toBe("id-1")
    expect(lineReference(null, undefined)).toBeUndefined()
    expect(lineReference("r".repeat(300), "id")).toHaveLength(KLARNA_MAX_TEXT)
  })
})
