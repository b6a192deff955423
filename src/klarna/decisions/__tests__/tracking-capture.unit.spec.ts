import { trackingCapture, type CaptureForTracking } from "../tracking-capture"

const tshirt = { type: "physical", reference: "TSHIRT-PINK" }
const coffee = { type: "physical", reference: "COFFEE-500" }
const shipping = { type: "shipping_fee", reference: "so_1" }
const track = (n: string) => ({ tracking_number: n, tracking_uri: `https://track.example/${n}` })

const decide = (captures: CaptureForTracking[], over: Partial<Parameters<typeof trackingCapture>[0]> = {}) =>
  trackingCapture({
    order_amount: 43790,
    captures,
    recorded_capture_ids: captures.map((c) => c.capture_id),
    references: ["TSHIRT-PINK"],
    shipping_info: [track("T1")],
    ...over,
  })

describe("which Klarna capture a shipment's tracking belongs to", () => {
  it("is the capture whose lines carry the shipped item's reference", () => {
    const d = decide([
      { capture_id: "c1", captured_amount: 8990, order_lines: [coffee] },
      { capture_id: "c2", captured_amount: 29900, order_lines: [tshirt] },
    ])
    expect(d).toEqual({ send: true, targets: [{ capture_id: "c2", shipping_info: [track("T1")] }] })
  })

  it("goes to every capture holding one of the shipment's items", () => {
    const d = decide(
      [
        { capture_id: "c1", captured_amount: 8990, order_lines: [coffee] },
        { capture_id: "c2", captured_amount: 29900, order_lines: [tshirt] },
      ],
      { references: ["TSHIRT-PINK", "COFFEE-500"] }
    )
    expect(d.send && d.targets.map((t) => t.capture_id)).toEqual(["c1", "c2"])
  })

  it("is the one capture of the whole order when no capture's lines name the items", () => {
    expect(decide([{ capture_id: "c1", captured_amount: 43790 }])).toEqual(expect.objectContaining({ send: true, targets: [expect.objectContaining({ capture_id: "c1" })] }))
  })

  it("does not match a shipping-fee line that happens to share the reference", () => {
    const d = decide([{ capture_id: "c1", captured_amount: 4900, order_lines: [shipping] }], { references: ["so_1"] })
    expect(d).toEqual({ send: false, reason: "not_captured" })
  })

  it("sends nothing while the items are in no capture (a partial capture of other items)", () => {
    expect(decide([{ capture_id: "c1", captured_amount: 8990, order_lines: [coffee] }])).toEqual({ send: false, reason: "not_captured" })
    expect(decide([])).toEqual({ send: false, reason: "not_captured" })
  })

  it("ignores captures the Medusa payment did not record", () => {
    const d = decide([{ capture_id: "c1", captured_amount: 43790, order_lines: [tshirt] }], { recorded_capture_ids: [] })
    expect(d).toEqual({ send: false, reason: "not_captured" })
  })

  it("skips a number the capture already carries (sent with the capture) and sends only the new ones", () => {
    const sent = { capture_id: "c1", captured_amount: 43790, order_lines: [tshirt], shipping_info: [{ tracking_number: "T1" }] }
    expect(decide([sent])).toEqual({ send: false, reason: "already_sent" })
    const d = decide([sent], { shipping_info: [track("T1"), track("T2")] })
    expect(d).toEqual({ send: true, targets: [{ capture_id: "c1", shipping_info: [track("T2")] }] })
  })

  it("never sends a number another capture of the order carries (the last parcel's own capture of the same SKU)", () => {
    const first = { capture_id: "c1", captured_amount: 29900, order_lines: [tshirt], shipping_info: [{ tracking_number: "T1" }] }
    const last = { capture_id: "c2", captured_amount: 29900, order_lines: [tshirt, shipping], shipping_info: [{ tracking_number: "T2" }] }
    expect(decide([first, last], { shipping_info: [track("T2")] })).toEqual({ send: false, reason: "already_sent" })
  })

  it("waits for the shipment's own capture while shipments capture and money is left to capture", () => {
    // A first parcel's capture holds the same SKU: without this, the second parcel's number would land on it.
    const first = { capture_id: "c1", captured_amount: 29900, order_lines: [tshirt], shipping_info: [{ tracking_number: "T1" }] }
    expect(decide([first], { shipping_info: [track("T2")], shipment_captures: true })).toEqual({ send: false, reason: "not_captured" })
    expect(decide([first], { shipping_info: [track("T2")], shipment_captures: false }).send).toBe(true)
  })
})
