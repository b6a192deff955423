import { MedusaError } from "@medusajs/framework/utils"
import { WooImportError } from "../woo-import-error"
import { importFailureReason } from "../import-failure-reason"

describe("importFailureReason", () => {
  it("keeps the reader's and Medusa's messages, which are written for the merchant", () => {
    expect(importFailureReason(new WooImportError({ code: "network_error", message: "Could not reach WooCommerce at shop.example.se: ECONNREFUSED" }))).toBe(
      "Could not reach WooCommerce at shop.example.se: ECONNREFUSED"
    )
    expect(importFailureReason(new MedusaError(MedusaError.Types.INVALID_DATA, "The shop URL must start with http:// or https://"))).toBe(
      "The shop URL must start with http:// or https://"
    )
  })

  it("says an unknown error was unexpected", () => {
    expect(importFailureReason(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      "The import stopped unexpectedly: Cannot read properties of undefined (reading 'id')"
    )
    expect(importFailureReason("boom")).toBe("The import stopped unexpectedly: boom")
  })

  it("drops control characters (PostgreSQL refuses NUL) and caps the length", () => {
    expect(importFailureReason(new Error("bad\u0000byte\nhere"))).toBe("The import stopped unexpectedly: bad byte here")
    expect(importFailureReason(new Error("x".repeat(5000))).length).toBe(1000)
  })
})
