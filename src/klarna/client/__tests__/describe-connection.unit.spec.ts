import { describeKlarnaConnection } from "../describe-connection"

describe("describeKlarnaConnection", () => {
  it("names region and environment when no base URL is set", () => {
    expect(describeKlarnaConnection({})).toBe("Klarna EU playground API (https://api.playground.klarna.com)")
    expect(describeKlarnaConnection({ region: "na", environment: "live" })).toBe("Klarna North America live API (https://api-na.klarna.com)")
  })

  it("recognises an official host given as the base URL, Klarna's or Kustom's", () => {
    expect(describeKlarnaConnection({ baseUrl: "https://api-oc.playground.klarna.com/" })).toBe("Klarna Oceania playground API (https://api-oc.playground.klarna.com)")
    expect(describeKlarnaConnection({ baseUrl: "https://api.kustom.co" })).toBe("Kustom EU live API (https://api.kustom.co)")
  })

  it("calls anything else a custom base URL, whatever region and environment say", () => {
    expect(describeKlarnaConnection({ baseUrl: "http://127.0.0.1:4010", region: "eu", environment: "playground" })).toBe(
      "custom Klarna base URL http://127.0.0.1:4010"
    )
  })
})
