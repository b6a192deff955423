import { startBanner } from "../lib/banner"

const facts = {
  port: 9000,
  admin: { email: "admin@example.com", password: "supersecret", loginWorks: true },
  publishableKey: "pk_123",
  klarna: "local Klarna simulator at http://127.0.0.1:4010",
  watching: false,
}

describe("startBanner", () => {
  it("prints the admin's credentials only when they log in", () => {
    expect(startBanner(facts)).toContain("(admin@example.com / supersecret)")
    const other = startBanner({ ...facts, admin: { ...facts.admin, loginWorks: false } })
    expect(other).not.toContain("supersecret")
    expect(other).toContain("admin@example.com exists with another password")
  })

  it("names the Klarna API it was given and the publishable key from the database", () => {
    const text = startBanner({ ...facts, klarna: "custom Klarna base URL http://proxy:8080" })
    expect(text).toContain("Klarna:           custom Klarna base URL http://proxy:8080")
    expect(text).toContain("Publishable key:  pk_123")
    expect(startBanner({ ...facts, publishableKey: null })).toContain("none (the database has no demo publishable key)")
  })

  it("says when the server restarts on file changes", () => {
    expect(startBanner(facts)).not.toContain("restarts")
    expect(startBanner({ ...facts, watching: true })).toContain("(restarts when files change)")
  })
})
