import { captureEntry } from "../capture-entry"

const resolution = { payment_id: "pay_1", amount: 34800, currency_code: "sek", klarna_order_id: "k-1" }
const payment = (captures: any[]) => ({ id: "pay_1", provider_id: "pp_klarna_klarna", data: { klarna_order_id: "k-1", klarna_reference: "ORDER-REF", captures } })

describe("captureEntry", () => {
  it("names the new capture and asks for its own Klarna reference to be read", () => {
    const entry = captureEntry(resolution, payment([{ capture_id: "cap-1", amount: 34800 }]) as any)
    expect(entry).toEqual(
      expect.objectContaining({
        outcome: "succeeded",
        klarna_capture_id: "cap-1",
        klarna_reference: "ORDER-REF",
        message: "Klarna order captured. Capture amount: 348,00 SEK. Capture ID: cap-1.",
        capture_reference_pending: { provider_id: "pp_klarna_klarna", klarna_order_id: "k-1", klarna_capture_id: "cap-1", amount: 34800, currency_code: "sek" },
      })
    )
  })

  it("names a capture reference already known and reads nothing more", () => {
    const entry = captureEntry(resolution, payment([{ capture_id: "cap-0", amount: 100 }, { capture_id: "cap-1", amount: 34800, klarna_reference: "CAP-REF" }]) as any)
    expect(entry.message).toBe("Klarna order captured. Capture amount: 348,00 SEK. Capture ID: cap-1. Klarna reference: CAP-REF.")
    expect(entry.klarna_reference).toBe("CAP-REF")
    expect(entry.capture_reference_pending).toBeNull()
  })

  it("says a capture made in Klarna was adopted, without a read", () => {
    const entry = captureEntry(resolution, payment([{ capture_id: "cap-9", amount: 34800, adopted: true }]) as any)
    expect(entry.message).toBe(
      "Klarna order has already been captured in Klarna (348,00 SEK, capture ID cap-9); the capture was recorded in Medusa."
    )
    expect(entry.capture_reference_pending).toBeNull()
  })

  it("still writes an entry when Medusa's answer carries no capture record", () => {
    const entry = captureEntry(resolution, undefined)
    expect(entry).toEqual(expect.objectContaining({ klarna_capture_id: "unknown", capture_reference_pending: null }))
  })
})
