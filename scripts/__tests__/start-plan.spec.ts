import { planStart } from "../lib/start-plan"
import type { DatabaseState } from "../lib/database-state"

const seeded: DatabaseState = {
  migratedFingerprint: "abc",
  adminExists: true,
  demoStore: { sales_channel_id: "sc_1", region_id: "reg_1", publishable_key: "pk_1", shipping_option_id: "so_1", products: [] },
}

describe("planStart: what the main command does to a database", () => {
  it("does nothing to a database that is migrated for this code, seeded and has its admin", () => {
    expect(planStart(seeded, "abc")).toEqual({ migrate: false, seedStore: false, createAdmin: false })
  })

  it("migrates, seeds and creates the admin on a new database", () => {
    expect(planStart({ migratedFingerprint: null, demoStore: null, adminExists: false }, "abc")).toEqual({
      migrate: true,
      seedStore: true,
      createAdmin: true,
    })
  })

  it("migrates again when the code's migrations changed", () => {
    expect(planStart(seeded, "def").migrate).toBe(true)
  })

  it("creates only the admin when the store is there but the admin is not (e.g. users deleted)", () => {
    expect(planStart({ ...seeded, adminExists: false }, "abc")).toEqual({ migrate: false, seedStore: false, createAdmin: true })
  })

  it("seeds only the store when the admin exists but the store does not", () => {
    expect(planStart({ ...seeded, demoStore: null }, "abc")).toEqual({ migrate: false, seedStore: true, createAdmin: false })
  })
})
