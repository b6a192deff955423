import {
  applyOrderSnapshot,
  snapshotAfterCancel,
  snapshotAfterCapture,
  snapshotAfterRefund,
  snapshotAfterRelease,
} from "../order-snapshot"

const order = {
  order_id: "k1",
  status: "AUTHORIZED",
  fraud_status: "ACCEPTED",
  klarna_reference: "K4MADNY",
  order_amount: 34800,
  captured_amount: 0,
  refunded_amount: 0,
  remaining_authorized_amount: 34800,
  purchase_currency: "SEK",
  expires_at: "2027-01-01T00:00:00.000Z",
  order_lines: [{ name: "T-shirt", quantity: 1, unit_price: 34800, total_amount: 34800, tax_rate: 2500, total_tax_amount: 6960 }] as any,
}

describe("order snapshot", () => {
  const read = applyOrderSnapshot({ session_id: "s1" }, order)

  it("copies Klarna's order, lines included", () => {
    expect(read).toEqual(
      expect.objectContaining({ klarna_status: "AUTHORIZED", currency_code: "sek", remaining_authorized_amount: 34800, order_lines: order.order_lines })
    )
  })

  it("moves by what a capture did, as Klarna's order does", () => {
    const part = snapshotAfterCapture(read, 10000)
    expect(part).toEqual(expect.objectContaining({ klarna_status: "PART_CAPTURED", captured_amount: 10000, remaining_authorized_amount: 24800 }))
    expect(snapshotAfterCapture(part, 24800)).toEqual(
      expect.objectContaining({ klarna_status: "CAPTURED", captured_amount: 34800, remaining_authorized_amount: 0 })
    )
  })

  it("moves by a refund, a cancel and a release", () => {
    const captured = snapshotAfterCapture(read, 34800)
    expect(snapshotAfterRefund(snapshotAfterRefund(captured, 5000), 1000)).toEqual(
      expect.objectContaining({ refunded_amount: 6000, klarna_status: "CAPTURED" })
    )
    expect(snapshotAfterCancel(read)).toEqual(expect.objectContaining({ klarna_status: "CANCELLED", remaining_authorized_amount: 0 }))
    expect(snapshotAfterRelease(snapshotAfterCapture(read, 10000))).toEqual(
      expect.objectContaining({ klarna_status: "CAPTURED", captured_amount: 10000, remaining_authorized_amount: 0 })
    )
  })
})
