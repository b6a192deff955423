import { explainMissingImportedOrder, isNoSuchKlarnaOrder } from "../missing-imported-order"

describe("a missing imported Klarna order", () => {
  it("is Klarna's NO_SUCH_ORDER, as an error or as a recorded failure", () => {
    expect(isNoSuchKlarnaOrder({ errorCode: "NO_SUCH_ORDER" })).toBe(true)
    expect(isNoSuchKlarnaOrder({ error_code: "NO_SUCH_ORDER" })).toBe(true)
    expect(isNoSuchKlarnaOrder({ errorCode: "NOT_ALLOWED" })).toBe(false)
    expect(isNoSuchKlarnaOrder(undefined)).toBe(false)
  })

  it("names the likely causes with where the order was placed", () => {
    const text = explainMissingImportedOrder("Klarna could not find the order", { environment: "live", region: "eu" })
    expect(text).toBe(
      "Klarna could not find the order. This order was imported from WooCommerce; likely causes: Medusa is connected to Klarna with other credentials, " +
        "environment (playground or live) or region than the WooCommerce shop (the order was placed in live, EU); or it is a Klarna Checkout order, " +
        "which now lives at Kustom and is managed with Kustom's credentials."
    )
    expect(explainMissingImportedOrder("Not found.")).toContain("Not found. This order was imported")
  })
})
