import { changeAttemptKey, changeIdOfAttempt, restoreOperationKey, restoresOfChangePattern } from "../change-attempt-key"

describe("change attempt keys", () => {
  it("keys each confirmation attempt by the restores before it, and finds the change again", () => {
    expect(changeAttemptKey("ordch_1", 0)).toBe("ordch_1~0")
    expect(changeAttemptKey("ordch_1", 2)).toBe("ordch_1~2")
    expect(changeIdOfAttempt("ordch_1~2")).toBe("ordch_1")
  })

  it("matches the restore entries of that change only", () => {
    const pattern = new RegExp(`^${restoresOfChangePattern("ordch_1").replace(/%/g, ".*")}$`)
    expect(pattern.test("restore-update:k-1:ordch_1~0")).toBe(true)
    expect(pattern.test("restore-update:k-1:ordch_10~0")).toBe(false)
    // The pattern is built from the same key the restore entries are written under.
    expect(pattern.test(restoreOperationKey("k-2", changeAttemptKey("ordch_1", 3)))).toBe(true)
  })
})
