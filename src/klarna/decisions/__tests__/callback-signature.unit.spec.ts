import { signAuthorizationCallback, verifyAuthorizationCallback } from "../callback-signature"

const options = { username: "PK1", password: "secret" } as any
const other = { username: "PK1", password: "other" } as any

describe("authorization callback signature", () => {
  it("verifies only the signature of the same session under the same credentials", () => {
    const sig = signAuthorizationCallback("payses_1", options)
    expect(sig).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(verifyAuthorizationCallback("payses_1", sig, options)).toBe(true)
    expect(verifyAuthorizationCallback("payses_2", sig, options)).toBe(false)
    expect(verifyAuthorizationCallback("payses_1", sig, other)).toBe(false)
    expect(verifyAuthorizationCallback("payses_1", sig.slice(1), options)).toBe(false)
  })
})
