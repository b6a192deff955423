import { openWooCredentials, sealWooCredentials } from ".."

const credentials = { consumer_key: "ck_0123456789abcdef", consumer_secret: "cs_fedcba9876543210" }

describe("sealed WooCommerce credentials", () => {
  it("open with the same server secret and run id, and never show the secret", () => {
    const sealed = sealWooCredentials(credentials, "server-secret", "wimp_1")
    expect(sealed).not.toContain(credentials.consumer_secret)
    expect(sealed).not.toContain(credentials.consumer_key)
    expect(openWooCredentials(sealed, "server-secret", "wimp_1")).toEqual(credentials)
  })

  it("do not open with another server secret, for another run, or tampered", () => {
    const sealed = sealWooCredentials(credentials, "server-secret", "wimp_1")
    expect(openWooCredentials(sealed, "other-secret", "wimp_1")).toBeNull()
    expect(openWooCredentials(sealed, "server-secret", "wimp_2")).toBeNull()
    const [v, iv, body, tag] = sealed.split(".")
    const flipped = body.slice(0, -2) + (body.endsWith("A") ? "B" : "A") + body.slice(-1)
    expect(openWooCredentials([v, iv, flipped, tag].join("."), "server-secret", "wimp_1")).toBeNull()
    expect(openWooCredentials("v0.x.y.z", "server-secret", "wimp_1")).toBeNull()
  })

  it("seal differently each time", () => {
    expect(sealWooCredentials(credentials, "s", "r")).not.toBe(sealWooCredentials(credentials, "s", "r"))
  })
})
