import {
  hasAuthorizationToken,
  readAuthorizationToken,
  sealAuthorizationToken,
  SEALED_TOKEN_KEY,
  withoutAuthorizationToken,
} from "../authorization-token"

const options = { username: "PK1", password: "secret" } as any

describe("sealed authorization token", () => {
  const token = "b4b2e8a0-7c7e-4f5e-9c39-0d2c4f6a1b2c"
  const sealed = sealAuthorizationToken({ session_id: "payses_1", authorization_token: token, client_token: "ct" }, options)

  it("keeps no readable token in the data, and reads it back for the same session and credentials", () => {
    expect(JSON.stringify(sealed)).not.toContain(token)
    expect(sealed).toEqual(expect.objectContaining({ session_id: "payses_1", client_token: "ct", [SEALED_TOKEN_KEY]: expect.stringMatching(/^v1\./) }))
    expect(hasAuthorizationToken(sealed)).toBe(true)
    expect(readAuthorizationToken(sealed, options)).toBe(token)
  })

  it("cannot be moved to another session or read with other credentials", () => {
    expect(() => readAuthorizationToken({ ...sealed, session_id: "payses_2" }, options)).toThrow(/can no longer be read/)
    expect(() => readAuthorizationToken(sealed, { username: "PK1", password: "other" } as any)).toThrow(/can no longer be read/)
  })

  it("is dropped entirely once used", () => {
    expect(withoutAuthorizationToken(sealed)).toEqual({ session_id: "payses_1", client_token: "ct" })
    expect(readAuthorizationToken({ session_id: "payses_1" }, options)).toBeUndefined()
  })
})
