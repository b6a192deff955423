import { describeKlarnaBaseUrl, resolveKlarnaBaseUrl } from "../base-url"

describe("resolveKlarnaBaseUrl", () => {
  it.each([
    ["eu", "live", "payments", "https://api.klarna.com"],
    ["eu", "playground", "payments", "https://api.playground.klarna.com"],
    ["na", "live", "payments", "https://api-na.klarna.com"],
    ["na", "playground", "payments", "https://api-na.playground.klarna.com"],
    ["oc", "live", "payments", "https://api-oc.klarna.com"],
    ["oc", "playground", "payments", "https://api-oc.playground.klarna.com"],
    ["eu", "live", "checkout", "https://api.kustom.co"],
    ["eu", "playground", "checkout", "https://api.playground.kustom.co"],
    ["na", "live", "checkout", "https://api-na.kustom.co"],
    ["na", "playground", "checkout", "https://api-na.playground.kustom.co"],
    ["oc", "live", "checkout", "https://api-oc.kustom.co"],
    ["oc", "playground", "checkout", "https://api-oc.playground.kustom.co"],
  ] as const)("%s / %s / %s -> %s", (region, environment, product, expected) => {
    expect(resolveKlarnaBaseUrl({ region, environment, product })).toBe(expected)
  })

  it("defaults to Klarna Payments", () => {
    expect(resolveKlarnaBaseUrl({ region: "na", environment: "live" })).toBe("https://api-na.klarna.com")
  })

  it("lets an explicit baseUrl win and trims trailing slashes", () => {
    expect(resolveKlarnaBaseUrl({ region: "na", environment: "live", baseUrl: "http://localhost:9100/klarna//" })).toBe(
      "http://localhost:9100/klarna"
    )
    expect(resolveKlarnaBaseUrl({ region: "eu", environment: "playground", baseUrl: "https://sim.test/" })).toBe("https://sim.test")
  })

  it("refuses unusable explicit URLs without echoing them", () => {
    expect(() => resolveKlarnaBaseUrl({ region: "eu", environment: "live", baseUrl: "not a url" })).toThrow(/valid absolute URL/)
    expect(() => resolveKlarnaBaseUrl({ region: "eu", environment: "live", baseUrl: "ftp://x.test" })).toThrow(/http or https/)
    let message = ""
    try {
      resolveKlarnaBaseUrl({ region: "eu", environment: "live", baseUrl: "https://PK1_user:s3cret@api.klarna.com" })
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toMatch(/must not contain credentials/)
    expect(message).not.toContain("s3cret")
  })

  it("rejects unknown regions and environments", () => {
    expect(() => resolveKlarnaBaseUrl({ region: "us" as never, environment: "live" })).toThrow(/region/)
    expect(() => resolveKlarnaBaseUrl({ region: "eu", environment: "test" as never })).toThrow(/environment/)
  })
})

describe("describeKlarnaBaseUrl", () => {
  it("recognises every Klarna and Kustom host it can resolve, and nothing else", () => {
    expect(describeKlarnaBaseUrl("https://api-na.playground.klarna.com")).toEqual({ region: "na", environment: "playground", product: "payments" })
    expect(describeKlarnaBaseUrl("https://api.klarna.com/")).toEqual({ region: "eu", environment: "live", product: "payments" })
    expect(describeKlarnaBaseUrl("https://api-oc.kustom.co")).toEqual({ region: "oc", environment: "live", product: "checkout" })
    expect(describeKlarnaBaseUrl("http://127.0.0.1:4010")).toBeNull()
    expect(describeKlarnaBaseUrl("https://api.klarna.com.evil.example")).toBeNull()
  })
})
