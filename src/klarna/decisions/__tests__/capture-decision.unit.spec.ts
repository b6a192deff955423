import { decideCapture, type CapturableOrder } from "../capture-decision"

const future = new Date(Date.now() + 7 * 86400_000).toISOString()
const past = new Date(Date.now() - 86400_000).toISOString()
const lines = [{ name: "Tee", quantity: 1, unit_price: 34800, total_amount: 34800, tax_rate: 2500, total_tax_amount: 6960 }]

const order = (o: Partial<CapturableOrder> = {}): CapturableOrder => ({
  status: "AUTHORIZED",
  fraud_status: "ACCEPTED",
  order_amount: 34800,
  captured_amount: 0,
  remaining_authorized_amount: 34800,
  purchase_currency: "SEK",
  expires_at: future,
  order_lines: lines,
  captures: [],
  ...o,
})

describe("decideCapture", () => {
  it("captures the requested amount, with the order lines only for a full capture", () => {
    expect(decideCapture({ order: order(), requested: 10000, unowned: { amount: 0 } })).toEqual({ action: "capture", amount: 10000, orderLines: undefined, adopted: [] })
    expect(decideCapture({ order: order(), requested: 34800, unowned: { amount: 0 } })).toEqual({ action: "capture", amount: 34800, orderLines: lines, adopted: [] })
  })

  it("captures what remains when Medusa gives no amount", () => {
    const d = decideCapture({
      order: order({ status: "PART_CAPTURED", captured_amount: 10000, remaining_authorized_amount: 24800, captures: [{ capture_id: "c1", captured_amount: 10000 }] }),
      unowned: { amount: 0 },
    })
    expect(d).toEqual(expect.objectContaining({ action: "capture", amount: 24800, orderLines: undefined }))
  })

  it("returns the existing capture when the same Medusa capture was already sent (retry)", () => {
    const d = decideCapture({
      order: order({ status: "CAPTURED", captured_amount: 34800, remaining_authorized_amount: 0, captures: [{ capture_id: "k1", captured_amount: 34800, reference: "capt_1" }] }),
      requested: 34800,
      unowned: { amount: 0 },
      medusaCaptureId: "capt_1",
    })
    expect(d).toEqual({ action: "none", records: [expect.objectContaining({ capture_id: "k1", medusa_capture_id: "capt_1", amount: 34800 })] })
  })

  it("adopts captures made outside Medusa before capturing anything new", () => {
    const portal = { capture_id: "portal", captured_amount: 30000 }
    const full = decideCapture({
      order: order({ status: "CAPTURED", captured_amount: 34800, remaining_authorized_amount: 0, captures: [{ ...portal, captured_amount: 34800 }] }),
      requested: 34800,
      unowned: { amount: 34800, latest: { id: "portal", amount: 34800 } },
      medusaCaptureId: "capt_2",
    })
    expect(full).toEqual({ action: "none", records: [expect.objectContaining({ capture_id: "portal", amount: 34800, adopted: true })] })

    const partly = decideCapture({
      order: order({ status: "PART_CAPTURED", captured_amount: 30000, remaining_authorized_amount: 4800, captures: [portal] }),
      requested: 34800,
      unowned: { amount: 30000, latest: { id: "portal", amount: 30000 } },
      medusaCaptureId: "capt_3",
    })
    expect(partly).toEqual(
      expect.objectContaining({ action: "capture", amount: 4800, adopted: [expect.objectContaining({ capture_id: "portal", amount: 30000 })] })
    )
  })

  it("captures anew when Klarna's captures all belong to other Medusa captures", () => {
    const d = decideCapture({
      order: order({ status: "PART_CAPTURED", captured_amount: 17400, remaining_authorized_amount: 17400, captures: [{ capture_id: "k1", captured_amount: 17400, reference: "capt_1" }] }),
      requested: 17400,
      unowned: { amount: 0 },
      medusaCaptureId: "capt_2",
    })
    expect(d).toEqual({ action: "capture", amount: 17400, orderLines: undefined, adopted: [] })
  })

  it.each([
    [{ fraud_status: "PENDING" }, /pending review/],
    [{ fraud_status: "REJECTED" }, /high risk/],
    [{ fraud_status: "STOPPED" }, /high risk/],
    [{ status: "CANCELLED" }, /already been canceled/],
    [{ status: "EXPIRED" }, /expired/],
    [{ expires_at: past }, /expired/],
  ])("refuses when %o", (o, message) => {
    expect(() => decideCapture({ order: order(o as Partial<CapturableOrder>), requested: 100, unowned: { amount: 0 } })).toThrow(message)
  })

  it("refuses more than the remaining authorization, naming the amount", () => {
    expect(() =>
      decideCapture({ order: order({ order_amount: 20000, remaining_authorized_amount: 20000 }), requested: 34800, unowned: { amount: 0 } })
    ).toThrow("higher than the remaining authorized amount 200,00 SEK")
  })

  it("refuses when nothing is left", () => {
    expect(() =>
      decideCapture({
        order: order({ status: "CAPTURED", captured_amount: 34800, remaining_authorized_amount: 0, captures: [{ capture_id: "k", captured_amount: 34800 }] }),
        unowned: { amount: 0 },
      })
    ).toThrow(/Nothing is left to capture/)
  })
})
