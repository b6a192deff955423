import { SAMPLE_ORDER_A, SAMPLE_ORDER_B, SAMPLE_ORDER_D_CANCELLED, SAMPLE_REFUNDS } from "../../../fake-woocommerce/src"
import { describeWooReplay, mapWooOrder, planWooReplay, type ImportedOrderDraft } from ".."

const draftOf = (order: any, refunds: any[] = []): ImportedOrderDraft => {
  const mapped = mapWooOrder(order, { shopUrl: "https://shop.example.se", refunds })
  if (!mapped.ok) throw new Error(mapped.reason)
  return mapped.draft
}

describe("planWooReplay", () => {
  it("nothing to replay when the ledger already holds WooCommerce's amounts", () => {
    expect(planWooReplay(draftOf(SAMPLE_ORDER_A), { captured: 0, refunded: 0 })).toBeNull()
    const b = draftOf(SAMPLE_ORDER_B, SAMPLE_REFUNDS[SAMPLE_ORDER_B.id])
    const refunded = b.refunds.reduce((s, r) => s + r.amount, 0)
    expect(planWooReplay(b, { captured: b.totals.total, refunded })).toBeNull()
  })

  it("replays only the difference: the rest of the capture and the new refunds", () => {
    const b = draftOf(SAMPLE_ORDER_B, SAMPLE_REFUNDS[SAMPLE_ORDER_B.id])
    const refunded = b.refunds.reduce((s, r) => s + r.amount, 0)
    const plan = planWooReplay(b, { captured: 1000, refunded: 0 })
    expect(plan).toEqual({ capture: b.totals.total - 1000, refund: refunded, cancel: false })
    expect(describeWooReplay(plan)).toEqual([`captured in WooCommerce: ${b.totals.total - 1000}`, `refunded in WooCommerce: ${refunded}`])
  })

  it("processing → completed is a capture of the whole order", () => {
    const completed = draftOf({ ...SAMPLE_ORDER_A, status: "completed" })
    expect(describeWooReplay(planWooReplay(completed, { captured: 0, refunded: 0 }))).toEqual([`captured in WooCommerce: ${completed.totals.total}`])
  })

  it("a cancellation is replayed only when nothing was captured", () => {
    const d = draftOf(SAMPLE_ORDER_D_CANCELLED)
    expect(planWooReplay(d, { captured: 0, refunded: 0 })).toEqual({ capture: 0, refund: 0, cancel: true })
    expect(describeWooReplay(planWooReplay(d, { captured: 0, refunded: 0 }))).toEqual(["cancelled in WooCommerce"])
    expect(planWooReplay(d, { captured: 100, refunded: 0 })).toEqual({ capture: 0, refund: 0, cancel: false })
  })

  it("describes no plan as no change", () => {
    expect(describeWooReplay(null)).toEqual([])
  })
})
