import { isFraudPending, isFraudRejected, normalizeFraudStatus } from "../fraud-status"

describe("fraud status", () => {
  it("upper-cases and treats a missing status as ACCEPTED", () => {
    expect(normalizeFraudStatus("stopped")).toBe("STOPPED")
    expect(normalizeFraudStatus(undefined)).toBe("ACCEPTED")
    expect(normalizeFraudStatus(null)).toBe("ACCEPTED")
  })

  it.each([
    ["REJECTED", true, false],
    ["STOPPED", true, false],
    ["rejected", true, false],
    ["Stopped", true, false],
    ["PENDING", false, true],
    ["pending", false, true],
    ["ACCEPTED", false, false],
    ["", false, false],
    ["SOMETHING_NEW", false, false],
    [undefined, false, false],
    [null, false, false],
  ])("%p → rejected %p, pending %p", (status, rejected, pending) => {
    expect(isFraudRejected(status)).toBe(rejected)
    expect(isFraudPending(status)).toBe(pending)
  })
})
