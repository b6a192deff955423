import { SAMPLE_ORDER_A, SAMPLE_ORDER_B, SAMPLE_ORDER_D_CANCELLED, SAMPLE_ORDER_F_LEGACY_INVOICE, SAMPLE_REFUNDS } from "../../../fake-woocommerce/src"
import { mapWooOrder, reconcilePaymentTruth, reconcilesWithKlarna, wooPaymentTruth, type ImportedOrderDraft } from ".."

const draftOf = (order: any, refunds: any[] = []): ImportedOrderDraft => {
  const mapped = mapWooOrder(order, { shopUrl: "https://shop.example.se", refunds })
  if (!mapped.ok) throw new Error(mapped.reason)
  return mapped.draft
}

describe("wooPaymentTruth", () => {
  it("an open reservation (processing) is nothing captured", () => {
    expect(wooPaymentTruth(draftOf(SAMPLE_ORDER_A))).toEqual({ captured: 0, refunds: [], canceled: false })
  })

  it("a completed order is captured in full, with its WooCommerce refunds", () => {
    const draft = draftOf(SAMPLE_ORDER_B, SAMPLE_REFUNDS[SAMPLE_ORDER_B.id])
    const truth = wooPaymentTruth(draft)
    expect(truth.captured).toBe(draft.totals.total)
    expect(truth.refunds).toEqual(draft.refunds.map((r) => ({ amount: r.amount, reason: r.reason })))
    expect(truth.refunds.length).toBeGreaterThan(0)
  })

  it("a cancelled order is canceled", () => {
    expect(wooPaymentTruth(draftOf(SAMPLE_ORDER_D_CANCELLED)).canceled).toBe(true)
  })
})

describe("reconcilePaymentTruth", () => {
  const draft = draftOf(SAMPLE_ORDER_A)

  it("without a Klarna read, WooCommerce's truth and no differences", () => {
    expect(reconcilePaymentTruth(draft, null)).toEqual({ truth: wooPaymentTruth(draft), differences: [] })
  })

  it("a failed read is reported and WooCommerce's amounts are kept", () => {
    expect(reconcilePaymentTruth(draft, { error: "timeout" })).toEqual({
      truth: wooPaymentTruth(draft),
      differences: ["Klarna could not confirm the order: timeout"],
    })
  })

  it("Klarna wins where it disagrees, capped at the order total and the captured amount", () => {
    const total = draft.totals.total
    const { truth, differences } = reconcilePaymentTruth(draft, { order: { captured_amount: total + 500, refunded_amount: total + 900, status: "CANCELLED" } })
    expect(truth).toEqual({ captured: total, refunds: [{ amount: total, reason: "Refunded (per Klarna)" }], canceled: true })
    expect(differences).toEqual([
      `captured: WooCommerce 0, Klarna ${total + 500} (Klarna used)`,
      `refunded: WooCommerce 0, Klarna ${total + 900} (Klarna used)`,
      "Klarna order is cancelled (Klarna used)",
    ])
  })

  it("agreement is no difference", () => {
    expect(reconcilePaymentTruth(draft, { order: { captured_amount: 0, refunded_amount: 0, status: "AUTHORIZED" } }).differences).toEqual([])
  })
})

describe("reconcilesWithKlarna", () => {
  it("asks Klarna only when reconciling a current Klarna order", () => {
    expect(reconcilesWithKlarna(draftOf(SAMPLE_ORDER_A), true)).toBe(true)
    expect(reconcilesWithKlarna(draftOf(SAMPLE_ORDER_A), false)).toBe(false)
    expect(reconcilesWithKlarna(draftOf(SAMPLE_ORDER_F_LEGACY_INVOICE), true)).toBe(false)
  })
})
