import { captureFromSnapshot } from "../capture-from-snapshot"
import type { KlarnaPaymentData } from "../../types/payment-data"

const lines = [{ name: "T-shirt", quantity: 1, unit_price: 34800, total_amount: 34800, tax_rate: 2500, total_tax_amount: 6960 }]
const open: KlarnaPaymentData = {
  klarna_order_id: "k1",
  klarna_status: "AUTHORIZED",
  fraud_status: "ACCEPTED",
  order_amount: 34800,
  captured_amount: 0,
  remaining_authorized_amount: 34800,
  expires_at: "2027-01-01T00:00:00.000Z",
  order_lines: lines as any,
}
const now = new Date("2026-12-04T00:00:00.000Z")

describe("captureFromSnapshot", () => {
  it("captures the whole order with Klarna's lines", () => {
    expect(captureFromSnapshot(open, 34800, now)).toEqual({ amount: 34800, orderLines: lines })
  })

  it("captures part of the order without lines", () => {
    expect(captureFromSnapshot(open, 10000, now)).toEqual({ amount: 10000 })
    expect(captureFromSnapshot({ ...open, klarna_status: "PART_CAPTURED", captured_amount: 10000, remaining_authorized_amount: 24800 }, 24800, now)).toEqual({
      amount: 24800,
    })
  })

  it.each<[string, Partial<KlarnaPaymentData>, number]>([
    ["more than is left", {}, 34801],
    ["nothing", {}, 0],
    ["a fractional amount", {}, 10.5],
    ["a cancelled order", { klarna_status: "CANCELLED" }, 100],
    ["a fully captured order", { klarna_status: "CAPTURED" }, 100],
    ["a status never read", { klarna_status: undefined }, 100],
    ["an order under fraud review", { fraud_status: "PENDING" }, 100],
    ["a rejected order", { fraud_status: "REJECTED" }, 100],
    ["a stopped order", { fraud_status: "STOPPED" }, 100],
    ["an expired authorization", { expires_at: "2026-12-03T00:00:00.000Z" }, 100],
    ["a snapshot without amounts", { remaining_authorized_amount: undefined }, 100],
    ["a full capture without Klarna's lines", { order_lines: undefined }, 34800],
  ])("leaves %s to Klarna's live order", (_name, change, requested) => {
    expect(captureFromSnapshot({ ...open, ...change }, requested, now)).toBeUndefined()
  })
})
