import { klarnaShippingCompany, klarnaShippingMethod } from "../shipping-method"
import { shipmentShippingInfo } from "../shipment-tracking"

describe("Klarna's shipping_method for a shipment", () => {
  it.each([
    [{ option_name: "Hämta hos ombud" }, "PickUpPoint"],
    [{ option_name: "PostNord utlämningsställe" }, "PickUpPoint"],
    [{ provider_id: "acme_pickup-point" }, "PickUpPoint"],
    [{ option_name: "Pick up in store" }, "PickUpStore"],
    [{ option_name: "Click & Collect" }, "ClickCollect"],
    [{ option_name: "Paket\u00adbox" }, "BoxReg"],
    [{ option_name: "Instabox parcel locker" }, "BoxReg"],
    [{ option_name: "DHL Packstation" }, "DHLPackstation"],
    [{ option_name: "Hemleverans" }, "Home"],
    [{ option_name: "Home delivery" }, "Home"],
    [{ option_name: "Express", option_type: "home" }, "Home"],
    [{ option_name: "Standard", digital: true }, "Digital"],
  ] as const)("%j → %s", (hints, method) => {
    expect(klarnaShippingMethod(hints)).toBe(method)
  })

  it("is left out when nothing says how the goods travel", () => {
    expect(klarnaShippingMethod({ provider_id: "manual_manual", option_name: "Standard Shipping", option_type: "default" })).toBeUndefined()
    expect(klarnaShippingMethod({})).toBeUndefined()
  })
})

describe("Klarna's shipping_company for a shipment", () => {
  it("names a known carrier from the provider, the option, or the tracking link's host", () => {
    expect(klarnaShippingCompany({ provider_id: "postnord_postnord" })).toBe("PostNord")
    expect(klarnaShippingCompany({ option_name: "DHL Express" })).toBe("DHL")
    expect(klarnaShippingCompany({ provider_id: "manual_manual", tracking_url: "https://tracking.budbee.com/abc" })).toBe("Budbee")
  })

  it("is left out for an unknown carrier (the manual provider, an unknown host)", () => {
    expect(klarnaShippingCompany({ provider_id: "manual_manual", option_name: "Standard", tracking_url: "https://track.example/1" })).toBeUndefined()
    expect(klarnaShippingCompany({ tracking_url: "not a url" })).toBeUndefined()
  })
})

describe("a shipment's shipping_info", () => {
  it("has one entry per tracking number, with carrier, method and an http(s) tracking link", () => {
    const info = shipmentShippingInfo(
      [
        { tracking_number: " PN123 ", tracking_url: "https://www.postnord.se/track?id=PN123" },
        { tracking_number: "PN123", tracking_url: "https://www.postnord.se/track?id=PN123" },
        { tracking_number: "", tracking_url: "https://x.example" },
        { tracking_number: "PN124", tracking_url: "ftp://x.example/1" },
      ],
      { provider_id: "manual_manual", option_name: "Hämta hos ombud" }
    )
    expect(info).toEqual([
      { shipping_company: "PostNord", shipping_method: "PickUpPoint", tracking_number: "PN123", tracking_uri: "https://www.postnord.se/track?id=PN123" },
      { shipping_method: "PickUpPoint", tracking_number: "PN124" },
    ])
  })

  it("cuts a tracking number to Klarna's 100 characters", () => {
    const [entry] = shipmentShippingInfo([{ tracking_number: "x".repeat(150) }], {})
    expect(entry.tracking_number).toHaveLength(100)
    expect(entry).toEqual({ tracking_number: "x".repeat(100) })
  })
})
