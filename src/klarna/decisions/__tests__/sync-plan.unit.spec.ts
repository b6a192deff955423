import { klarnaSyncPlan, syncMessage } from "../sync-plan"

describe("klarnaSyncPlan", () => {
  const medusa = { amount: 34800, captured_amount: 10000, refunded_amount: 0, canceled_at: null }

  it("records what Klarna captured and refunded beyond Medusa's ledger", () => {
    expect(klarnaSyncPlan(medusa, { status: "PART_CAPTURED", captured_amount: 20000, refunded_amount: 5000 })).toEqual({ capture: 10000, refund: 5000 })
  })

  it("never records more captured than the payment's amount, nor a negative difference", () => {
    expect(klarnaSyncPlan(medusa, { status: "CAPTURED", captured_amount: 50000, refunded_amount: 0 })).toEqual({ capture: 24800, refund: 0 })
    expect(klarnaSyncPlan({ ...medusa, refunded_amount: 3000 }, { status: "CAPTURED", captured_amount: 5000, refunded_amount: 1000 })).toEqual({
      capture: 0,
      refund: 0,
    })
  })

  it("records no capture on a canceled payment", () => {
    expect(klarnaSyncPlan({ ...medusa, canceled_at: "2026-01-01" }, { status: "CAPTURED", captured_amount: 34800, refunded_amount: 0 }).capture).toBe(0)
  })

  it("describes the sync like the event log did", () => {
    const klarna = { status: "CAPTURED", captured_amount: 0, refunded_amount: 0 }
    expect(syncMessage(klarna, { capture: 0, refund: 0 }, "sek")).toBe("Synced from Klarna: Klarna status CAPTURED.")
    expect(syncMessage(klarna, { capture: 10000, refund: 2500 }, "sek")).toBe(
      "Synced from Klarna: Klarna status CAPTURED; capture of 100,00 SEK made in Klarna recorded; refund of 25,00 SEK made in Klarna recorded."
    )
  })
})
