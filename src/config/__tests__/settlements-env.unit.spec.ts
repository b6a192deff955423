import { klarnaSettlementsOptionsFromEnv } from "../settlements-env"
import { KlarnaSettlementsOptionsSchema } from "../../modules/klarna-settlements/types/options"

describe("klarnaSettlementsOptionsFromEnv", () => {
  it("reads the overdue days and page size, and leaves unset ones to the module's defaults", () => {
    expect(klarnaSettlementsOptionsFromEnv({ KLARNA_SETTLEMENTS_OVERDUE_AFTER_DAYS: "3", KLARNA_SETTLEMENTS_PAGE_SIZE: "50" })).toEqual({ overdue_after_days: 3, page_size: 50 })
    expect(KlarnaSettlementsOptionsSchema.parse(klarnaSettlementsOptionsFromEnv({ KLARNA_SETTLEMENTS_PAGE_SIZE: "" }))).toEqual({ overdue_after_days: 14 })
  })

  it("gives the module what it refuses at boot when a value is not a usable number", () => {
    expect(KlarnaSettlementsOptionsSchema.safeParse(klarnaSettlementsOptionsFromEnv({ KLARNA_SETTLEMENTS_OVERDUE_AFTER_DAYS: "two weeks" })).success).toBe(false)
    expect(KlarnaSettlementsOptionsSchema.safeParse(klarnaSettlementsOptionsFromEnv({ KLARNA_SETTLEMENTS_PAGE_SIZE: "501" })).success).toBe(false)
  })
})
