import { asValue } from "@medusajs/framework/awilix"
import { ContainerRegistrationKeys, createMedusaContainer, Modules } from "@medusajs/framework/utils"
import { InMemoryLockingProvider } from "@medusajs/locking/dist/providers/in-memory"
import { INTERRUPTED_REASON, sealWooCredentials, UNOPENED_CREDENTIALS_REASON } from "../../../woocommerce"
import { importRunLockKey, unsealRunCredentials, withImportRunLock } from "../run-requested-woo-import"

function containerWith(jwtSecret?: string) {
  const container = createMedusaContainer()
  const locks = new InMemoryLockingProvider()
  container.register(Modules.LOCKING, asValue({ execute: locks.execute.bind(locks) }))
  container.register(ContainerRegistrationKeys.CONFIG_MODULE, asValue({ projectConfig: { http: { jwtSecret } } }))
  return container
}

describe("withImportRunLock", () => {
  it("runs the job holding woocommerce-import-run:<id>; a second caller that cannot get it within its timeout is told so, not run", async () => {
    const container = containerWith("s")
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    let ran = 0
    const first = withImportRunLock(container, "wimp_1", async () => {
      ran += 1
      await held
      return "first"
    }, { timeout: 1 })
    const second = await withImportRunLock(container, "wimp_1", async () => {
      ran += 1
      return "second"
    }, { timeout: 1 })
    expect(second).toEqual({ claimed: false, why: expect.stringContaining("Timed-out") })
    release()
    expect(await first).toEqual({ claimed: true, value: "first" })
    expect(ran).toBe(1)
    expect(importRunLockKey("wimp_1")).toBe("woocommerce-import-run:wimp_1")
  })

  it("another run's lock is not this one's; a job's own error is thrown, not taken for a busy lock", async () => {
    const container = containerWith("s")
    const other = withImportRunLock(container, "wimp_a", () => new Promise((r) => setTimeout(() => r("a"), 300)), { timeout: 1 })
    expect(await withImportRunLock(container, "wimp_b", async () => "b", { timeout: 1 })).toEqual({ claimed: true, value: "b" })
    await other
    await expect(withImportRunLock(container, "wimp_c", async () => Promise.reject(new Error("database gone")), { timeout: 1 })).rejects.toThrow("database gone")
  })
})

describe("unsealRunCredentials", () => {
  const credentials = { consumer_key: "ck_1", consumer_secret: "cs_1" }

  it("opens credentials sealed with this process's server secret for this run", () => {
    const run = { id: "wimp_1", sealed_credentials: sealWooCredentials(credentials, "secret", "wimp_1") }
    expect(unsealRunCredentials(containerWith("secret"), run)).toEqual({ credentials })
  })

  it("says why when it cannot: none kept (a command-line run), another server secret, another run's seal, no secret", () => {
    expect(unsealRunCredentials(containerWith("secret"), { id: "wimp_1", sealed_credentials: null })).toEqual({ reason: INTERRUPTED_REASON })
    const sealed = sealWooCredentials(credentials, "secret", "wimp_1")
    expect(unsealRunCredentials(containerWith("other"), { id: "wimp_1", sealed_credentials: sealed })).toEqual({ reason: UNOPENED_CREDENTIALS_REASON })
    expect(unsealRunCredentials(containerWith("secret"), { id: "wimp_2", sealed_credentials: sealed })).toEqual({ reason: UNOPENED_CREDENTIALS_REASON })
    expect(unsealRunCredentials(containerWith(undefined), { id: "wimp_1", sealed_credentials: sealed })).toEqual({ reason: UNOPENED_CREDENTIALS_REASON })
  })
})
