import { klarnaMessages } from "../messages"

describe("the event log's texts", () => {
  it("says an action is in progress in a sentence for every action's verb", () => {
    expect(klarnaMessages.inProgress("capture")).toBe("Klarna capture in progress; if it is interrupted, it is resumed automatically.")
    expect(klarnaMessages.inProgress("set the merchant references on the")).toBe(
      "Set the merchant references on the Klarna order: in progress; if it is interrupted, it is resumed automatically."
    )
    expect(klarnaMessages.inProgress("add tracking to")).toMatch(/^Add tracking to Klarna order: in progress;/)
  })

  it("says why an automation did not act: the method's toggle, or the order left alone by whom and why", () => {
    expect(klarnaMessages.automationOff({ by: "toggle" }, "capture_on_complete", "pay_later", "nothing was captured.")).toBe(
      "Klarna order management on order completion is off for pay later: nothing was captured."
    )
    expect(klarnaMessages.automationOff({ by: "order", reason: "VIP", changed_by: "user_1" }, "capture_on_complete", "pay_later", "nothing was captured.")).toBe(
      "Automatic Klarna management is off for this order (switched off by user_1: VIP): nothing was captured."
    )
    expect(klarnaMessages.orderLeftAlone("x.", null, null)).toBe("Automatic Klarna management is off for this order: x.")
    expect(klarnaMessages.orderLeftAlone("x.", "VIP", null)).toBe("Automatic Klarna management is off for this order (VIP): x.")
  })
})
