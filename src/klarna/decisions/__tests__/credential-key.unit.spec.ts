import { credentialKey } from "../credential-key"

describe("credentialKey", () => {
  it("is 32 bytes, stable per credentials and purpose, different across either", () => {
    const a = { username: "PK1", password: "secret" } as any
    const key = credentialKey(a, "authorization-token/v1")
    expect(key).toHaveLength(32)
    expect(credentialKey({ ...a }, "authorization-token/v1").equals(key)).toBe(true)
    expect(credentialKey(a, "authorization-callback/v1").equals(key)).toBe(false)
    expect(credentialKey({ username: "PK1", password: "other" } as any, "authorization-token/v1").equals(key)).toBe(false)
    expect(credentialKey({ apiKey: "k" } as any, "authorization-token/v1").equals(credentialKey({ apiKey: "k2" } as any, "authorization-token/v1"))).toBe(false)
  })
})
