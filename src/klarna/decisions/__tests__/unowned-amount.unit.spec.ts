import { unownedKlarnaAmount } from "../unowned-amount"

describe("unownedKlarnaAmount", () => {
  it("never offers a Klarna capture that another Medusa capture made", () => {
    const r = unownedKlarnaAmount({
      klarnaTotal: 17400,
      klarnaItems: [{ id: "k1", amount: 17400, reference: "capt_1" }],
      rows: [
        { id: "capt_1", amount: 17400, adopted: 0 },
        { id: "capt_2", amount: 17400, adopted: 0 },
      ],
      currentId: "capt_2",
    })
    expect(r).toEqual({ amount: 0, latest: undefined })
  })

  it("offers money moved in Klarna's portal, or by a Medusa capture whose row is gone", () => {
    const r = unownedKlarnaAmount({
      klarnaTotal: 30000,
      klarnaItems: [
        { id: "portal", amount: 10000 },
        { id: "lost", amount: 20000, reference: "capt_deleted" },
      ],
      rows: [{ id: "capt_2", amount: 20000, adopted: 0 }],
      currentId: "capt_2",
    })
    expect(r).toEqual({ amount: 30000, latest: { id: "lost", amount: 20000, reference: "capt_deleted" } })
  })

  it("takes off what other rows already adopted, so the same money is never claimed twice", () => {
    const r = unownedKlarnaAmount({
      klarnaTotal: 30000,
      klarnaItems: [{ id: "portal", amount: 30000 }],
      rows: [
        { id: "capt_1", amount: 30000, adopted: 30000 },
        { id: "capt_2", amount: 30000, adopted: 0 },
      ],
      currentId: "capt_2",
    })
    expect(r.amount).toBe(0)
  })
})
