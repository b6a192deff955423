import { toKlarnaAddress } from "../address"
import { sumTaxRates } from "../tax-rate"

describe("toKlarnaAddress", () => {
  it("maps Medusa's fields to Klarna's, upper-cases the country and leaves out what is empty", () => {
    expect(
      toKlarnaAddress(
        { first_name: "Anna", last_name: "Svensson", company: " ", address_1: "Storgatan 1", address_2: null, city: "Stockholm", postal_code: "11122", country_code: "se", phone: "+46701234567" },
        "anna@example.se"
      )
    ).toEqual({
      given_name: "Anna",
      family_name: "Svensson",
      email: "anna@example.se",
      street_address: "Storgatan 1",
      postal_code: "11122",
      city: "Stockholm",
      country: "SE",
      phone: "+46701234567",
    })
  })

  it("gives no address for none or an empty one", () => {
    expect(toKlarnaAddress(undefined)).toBeUndefined()
    expect(toKlarnaAddress({ first_name: "", city: "  " }, null)).toBeUndefined()
  })
})

describe("sumTaxRates", () => {
  it("adds a line's tax rates exactly, in percent", () => {
    expect(sumTaxRates([{ rate: 25 }])).toBe(25)
    expect(sumTaxRates([{ rate: "12.5" }, { rate: 0.1 }, { rate: 0.2 }])).toBe(12.8)
    expect(sumTaxRates(null)).toBe(0)
    expect(sumTaxRates([{ rate: null }])).toBe(0)
  })
})
