import { SAMPLE_ORDER_A } from "../../../fake-woocommerce/src"
import { mapWooOrder, wooModifiedAt, wooOrderUnchanged, wooUpdateReason, type ImportedOrderDraft } from ".."

const draftOf = (order: any): ImportedOrderDraft => {
  const mapped = mapWooOrder(order, { shopUrl: "https://shop.example.se" })
  if (!mapped.ok) throw new Error(mapped.reason)
  return mapped.draft
}

describe("WooCommerce order sync decisions", () => {
  const draft = draftOf(SAMPLE_ORDER_A)
  const known = { woo_modified_at: new Date(draft.modified_at!), woo_status: draft.status }

  it("an order modified at the same instant, in the same status, is unchanged", () => {
    expect(wooModifiedAt(draft)).toBe(new Date(draft.modified_at!).toISOString())
    expect(wooOrderUnchanged(known, draft)).toBe(true)
    expect(wooOrderUnchanged({ ...known, woo_modified_at: known.woo_modified_at.toISOString() }, draft)).toBe(true)
  })

  it("a later modification or another status is a change", () => {
    expect(wooOrderUnchanged({ ...known, woo_modified_at: new Date(0) }, draft)).toBe(false)
    expect(wooOrderUnchanged({ ...known, woo_status: "on-hold" }, draft)).toBe(false)
  })

  it("the reason names what was replayed, else the status change, else nothing", () => {
    expect(wooUpdateReason(["captured in WooCommerce: 1", "refunded in WooCommerce: 1"], known, draft)).toBe("captured in WooCommerce: 1; refunded in WooCommerce: 1")
    expect(wooUpdateReason([], { ...known, woo_status: "on-hold" }, draft)).toBe(`status on-hold → ${draft.status}`)
    expect(wooUpdateReason([], known, draft)).toBeUndefined()
  })
})
