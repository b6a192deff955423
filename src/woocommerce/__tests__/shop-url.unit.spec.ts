import { checkShopUrl } from "../shop-url"

const reason = (input: unknown) => {
  const r = checkShopUrl(input)
  if (r.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`)
  return r.reason
}

describe("checkShopUrl", () => {
  it("accepts http and https base URLs, normalized as they will be requested", () => {
    expect(checkShopUrl("https://shop.example.se")).toEqual({ ok: true, url: "https://shop.example.se", hostname: "shop.example.se" })
    expect(checkShopUrl("  HTTPS://Shop.Example.se/butik/  ")).toEqual({ ok: true, url: "https://shop.example.se/butik", hostname: "shop.example.se" })
    expect(checkShopUrl("http://127.0.0.1:4020/")).toEqual({ ok: true, url: "http://127.0.0.1:4020", hostname: "127.0.0.1" })
    // Other spellings of an address come out as the address the client connects to.
    expect(checkShopUrl("http://0x7f.1:80")).toMatchObject({ ok: true, url: "http://127.0.0.1", hostname: "127.0.0.1" })
    expect(checkShopUrl("http://[::ffff:127.0.0.1]")).toMatchObject({ ok: true, hostname: "[::ffff:7f00:1]" })
  })

  it("refuses other schemes", () => {
    for (const url of ["file:///etc/passwd", "gopher://127.0.0.1:70/_GET", "ftp://shop.example.se", "javascript:alert(1)", "data:text/plain,x"]) {
      expect(reason(url)).toMatch(/must start with http:\/\/ or https:\/\//)
    }
  })

  it("refuses credentials in the URL without repeating them", () => {
    for (const url of ["https://wpadmin:hunter2@shop.example.se", "https://wpadmin@shop.example.se", "https://:hunter2@shop.example.se"]) {
      const r = reason(url)
      expect(r).toMatch(/user name or password/)
      expect(r).not.toMatch(/wpadmin|hunter2/)
    }
  })

  it("refuses a query or a fragment, even an empty one (they would swallow the API path)", () => {
    expect(reason("https://shop.example.se/?rest_route=/")).toMatch(/query/)
    expect(reason("https://shop.example.se/?")).toMatch(/query/)
    expect(reason("https://shop.example.se/#/wp-admin")).toMatch(/fragment/)
    expect(reason("https://shop.example.se/#")).toMatch(/fragment/)
  })

  it("refuses control characters anywhere, including ones the URL parser would silently drop", () => {
    for (const url of ["https://shop.example.se/\u0000", "https://shop\u0000.example.se", "\thttps://shop.example.se", "https://shop.exa\nmple.se", "https://shop.example.se/\u007f", "https://shop.example.se/\u0085"]) {
      expect(reason(url)).toMatch(/control characters/)
    }
  })

  it("refuses what is not a URL, and non-strings", () => {
    expect(reason("shop.example.se")).toMatch(/web address/)
    expect(reason("not a url")).toMatch(/web address/)
    expect(reason("")).toMatch(/required/)
    expect(reason(undefined)).toMatch(/required/)
    expect(reason(42)).toMatch(/required/)
  })
})
