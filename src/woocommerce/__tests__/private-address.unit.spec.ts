import { ipLiteral, isLocalhostName, isPrivateAddress } from "../private-address"

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "10.0.0.1",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.10",
    "169.254.169.254",
    "0.0.0.0",
    "100.64.0.1",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fc00::1",
    "fd12:3456:789a::1",
    "fe80::1",
    "fe80::1%eth0",
    "febf::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.1.2.3",
    "::ffff:a9fe:a9fe",
    "::127.0.0.1",
    "64:ff9b::7f00:1",
    "2002:7f00:1::",
    "[::1]",
  ])("%s is not public", (ip) => {
    expect(isPrivateAddress(ip)).toBe(true)
  })

  it.each(["93.184.216.34", "8.8.8.8", "172.15.255.255", "172.32.0.1", "192.169.0.1", "100.128.0.1", "2606:4700::6810:84e5", "::ffff:8.8.8.8", "2001:db8::1", "64:ff9b::808:808"])(
    "%s is public",
    (ip) => {
      expect(isPrivateAddress(ip)).toBe(false)
    }
  )

  it("is false for names (they are resolved and their addresses checked)", () => {
    expect(isPrivateAddress("shop.example.se")).toBe(false)
    expect(isPrivateAddress("")).toBe(false)
  })
})

describe("isLocalhostName / ipLiteral", () => {
  it("knows localhost in its spellings", () => {
    for (const h of ["localhost", "LOCALHOST", "localhost.", "shop.localhost"]) expect(isLocalhostName(h)).toBe(true)
    for (const h of ["localhost.example.se", "mylocalhost", "shop.example.se"]) expect(isLocalhostName(h)).toBe(false)
  })

  it("takes IPv6 brackets off", () => {
    expect(ipLiteral("[::1]")).toBe("::1")
    expect(ipLiteral("10.0.0.1")).toBe("10.0.0.1")
    expect(ipLiteral("shop.example.se")).toBeUndefined()
  })
})
