import { MedusaError } from "@medusajs/framework/utils"
import { SAMPLE_ORDER_A } from "../../../fake-woocommerce/src"
import { importCustomerEmail, importCustomerInput, matchImportRegion, mapWooOrder, type ImportedOrderDraft } from ".."

const draft = ((): ImportedOrderDraft => {
  const mapped = mapWooOrder(SAMPLE_ORDER_A, { shopUrl: "https://shop.example.se" })
  if (!mapped.ok) throw new Error(mapped.reason)
  return mapped.draft
})()

describe("matchImportRegion", () => {
  const se = { id: "reg_se", currency_code: "sek", countries: ["se"] }
  const nordics = { id: "reg_nordics", currency_code: "sek", countries: ["fi"] }
  const euro = { id: "reg_eu", currency_code: "eur", countries: ["de"] }

  it("the region in the order's currency selling to its country, else the only one in its currency", () => {
    expect(draft.currency_code).toBe("sek")
    expect(matchImportRegion([euro, nordics, se], draft)).toBe("reg_se")
    expect(matchImportRegion([euro, nordics], draft)).toBe("reg_nordics")
  })

  it("no region in the currency (or several, none to the country) is the merchant's to create", () => {
    const country = (draft.shipping_address ?? draft.billing_address)!.country_code!.toUpperCase()
    const message = `No Medusa region sells in SEK to ${country}; create one before importing.`
    expect(() => matchImportRegion([euro], draft)).toThrow(message)
    expect(() => matchImportRegion([nordics, { ...nordics, id: "reg_other" }], draft)).toThrow(message)
    expect(() => matchImportRegion([], draft)).toThrow(MedusaError)
  })
})

describe("import customer", () => {
  it("is found by the lower-cased email, and created as an imported guest", () => {
    const email = importCustomerEmail({ ...draft, email: "Anna.Lindqvist@Example.se" })
    expect(email).toBe("anna.lindqvist@example.se")
    expect(importCustomerInput(draft, email)).toEqual(expect.objectContaining({ email, has_account: false, metadata: { imported_from: "woocommerce" } }))
  })

  it("an order without an email cannot be imported", () => {
    expect(() => importCustomerEmail({ ...draft, email: null, customer: { ...draft.customer, email: null } })).toThrow("The order has no customer email.")
  })
})
