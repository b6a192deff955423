import { parseKlarnaProviderOptions } from "../options"
import { KlarnaProviderService } from "../../../providers/klarna/core/klarna-provider"

describe("Klarna provider options", () => {
  it("accepts username/password or an API key and applies defaults", () => {
    expect(parseKlarnaProviderOptions({ username: "PK1_x", password: "secret" })).toEqual(
      expect.objectContaining({ region: "eu", environment: "playground", defaultPurchaseCountry: "SE", defaultLocale: "sv-SE", maxRetries: 3 })
    )
    expect(parseKlarnaProviderOptions({ apiKey: "klarna_test_api_x", region: "na" }).region).toBe("na")
  })

  it.each([
    [{}, /Klarna credentials are required/],
    [{ username: "u" }, /username and password must be set together/],
    [{ apiKey: "k", username: "u", password: "p" }, /either apiKey or username and password/],
    [{ apiKey: "k", region: "us" }, /region/],
    [{ apiKey: "k", baseUrl: "not a url" }, /baseUrl/],
    [{ apiKey: "k", apiKy: "typo" }, /unknown option\(s\) apiKy/],
    [{ apiKey: "k", defaultLocale: "swedish" }, /defaultLocale/],
  ])("refuses %o with a clear message", (options, message) => {
    expect(() => KlarnaProviderService.validateOptions(options)).toThrow(message)
  })

  it("never echoes a secret value in the error", () => {
    try {
      parseKlarnaProviderOptions({ username: "PK1_user", password: 12345678, region: "xx" })
      throw new Error("should have thrown")
    } catch (e) {
      expect((e as Error).message).not.toContain("12345678")
      expect((e as Error).message).toMatch(/password/)
    }
  })
})
