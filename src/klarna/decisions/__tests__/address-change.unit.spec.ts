import { addressChangeVerdict, editedAddress } from "../address-change"

const reservation = { klarna_status: "AUTHORIZED", amount: 34800, captured_amount: 0, payment_method: "pay_later" as const }

describe("whether an edited shipping address goes to Klarna", () => {
  it("goes while the order is a reservation, part-captured included", () => {
    expect(addressChangeVerdict(reservation, null)).toEqual({ send: true })
    expect(addressChangeVerdict({ ...reservation, klarna_status: "PART_CAPTURED", captured_amount: 10000 }, null)).toEqual({ send: true })
  })

  it.each([
    [{ klarna_status: "CAPTURED", captured_amount: 34800 }],
    [{ klarna_status: "AUTHORIZED", captured_amount: 34800 }],
    [{ klarna_status: "CANCELLED" }],
    [{ klarna_status: "EXPIRED" }],
    [{ canceled_at: "2026-12-01T00:00:00Z" }],
  ])("stays when the order is no longer a reservation: %j", (state) => {
    expect(addressChangeVerdict({ ...reservation, ...state }, null)).toEqual({ send: false, message: expect.stringContaining("no longer a reservation") })
  })

  it("stays when the toggle is off or the merchant left the order alone, and says which", () => {
    expect(addressChangeVerdict(reservation, { by: "toggle" })).toEqual({ send: false, message: expect.stringContaining("on shipping address edits is off for pay later") })
    const alone = addressChangeVerdict(reservation, { by: "order", reason: "VIP", changed_by: "user_1" })
    expect(alone).toEqual({ send: false, message: "Automatic Klarna management is off for this order (switched off by user_1: VIP): Klarna keeps the shipping address it had." })
  })
})

describe("the address after an edit", () => {
  it("keeps the fields the edit does not send", () => {
    expect(editedAddress({ address_1: "Old 1", city: "Ankeborg", country_code: "se" }, { address_1: "New 2", city: undefined })).toEqual({
      address_1: "New 2",
      city: "Ankeborg",
      country_code: "se",
    })
    expect(editedAddress(null, { address_1: "New 2" })).toEqual({ address_1: "New 2" })
  })
})
