import { spawnSync } from "node:child_process"
import path from "node:path"

const root = path.resolve(__dirname, "../..")

/** Boots the real app (medusa exec) with the given Klarna environment. */
function boot(klarnaEnv: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const key of Object.keys(env)) {
    if (key.startsWith("KLARNA_")) delete env[key]
  }
  const user = process.env.DB_USERNAME || "postgres"
  const password = process.env.DB_PASSWORD ? `:${process.env.DB_PASSWORD}` : ""
  env.DATABASE_URL = `postgres://${user}${password}@${process.env.DB_HOST || "localhost"}:${process.env.DB_PORT || 5432}/postgres`
  env.NODE_OPTIONS = ""
  Object.assign(env, klarnaEnv)
  const r = spawnSync(path.join(root, "node_modules/.bin/medusa"), ["exec", "./integration-tests/fixtures/noop-exec.ts"], {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: 120_000,
  })
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` }
}

jest.setTimeout(180_000)

describe("Klarna provider options at boot", () => {
  it("refuses to boot without Klarna credentials, naming the option", () => {
    const r = boot({ KLARNA_BASE_URL: "http://127.0.0.1:1" })
    expect(r.status).not.toBe(0)
    expect(r.output).toContain("Invalid Klarna payment provider options (pp_klarna): apiKey: Klarna credentials are required")
    expect(r.output).not.toContain("APP BOOTED")
  })

  it("refuses a malformed option without echoing the secret", () => {
    const r = boot({ KLARNA_USERNAME: "PK_user", KLARNA_PASSWORD: "very-secret-pw", KLARNA_REGION: "mars" })
    expect(r.status).not.toBe(0)
    expect(r.output).toMatch(/Invalid Klarna payment provider options \(pp_klarna\): region/)
    expect(r.output).not.toContain("very-secret-pw")
  })

  it("loads the payment module with valid options", () => {
    // The database here is not migrated, so other modules may complain; the Payment module must not.
    const r = boot({ KLARNA_USERNAME: "PK_user", KLARNA_PASSWORD: "very-secret-pw", KLARNA_BASE_URL: "http://127.0.0.1:1" })
    expect(r.output).toContain("redisUrl not found")
    expect(r.output).toContain("pp_klarna_klarna") // the provider was registered and reached the database step
    expect(r.output).not.toContain("Invalid Klarna payment provider options")
    expect(r.output).not.toContain("very-secret-pw")
  })
})
