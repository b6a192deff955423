import { SAMPLE_ORDER_B, SAMPLE_ORDER_D_CANCELLED, SAMPLE_ORDER_F_LEGACY_INVOICE, SAMPLE_REFUND_B_48391, type WooOrder } from "../../../../../fake-woocommerce/src"
import { mapWooOrder, wooPaymentTruth, type ImportedOrderDraft } from "../../../../woocommerce"
import { importedPaymentRows, replayFitsLedger } from "../imported-payment-rows"

const now = new Date("2026-01-02T03:04:05.000Z")

function draftOf(order: WooOrder, refunds: unknown[] = []): ImportedOrderDraft {
  const mapped = mapWooOrder(order, { shopUrl: "https://shop.example.se", refunds: refunds as any })
  if (!mapped.ok) throw new Error(mapped.reason)
  return mapped.draft
}

/** Ids that say what they are, in the order they are asked for. */
function ids() {
  let n = 0
  return (prefix: string) => `${prefix}_${++n}`
}

describe("importedPaymentRows", () => {
  it("a captured, part-refunded Klarna order: the provider's replay records, rows adopting them, a completed collection", () => {
    const draft = draftOf(SAMPLE_ORDER_B, [SAMPLE_REFUND_B_48391])
    const rows = importedPaymentRows(draft, wooPaymentTruth(draft), now, ids())

    expect(rows.managed_in_klarna).toBe(true)
    expect(rows.session).toEqual(
      expect.objectContaining({ id: "payses_2", payment_collection_id: "pay_col_1", provider_id: "pp_klarna_klarna", amount: "1135.00", status: "authorized", authorized_at: now })
    )
    // The session keeps the data it was authorized with: in the import replay, naming itself.
    expect(rows.session.data).toEqual(expect.objectContaining({ import_replay: true, session_id: "payses_2", captures: [], refunds: [] }))
    expect(rows.captures).toEqual([{ id: "capt_4", payment_id: "pay_3", amount: "1135.00", metadata: { klarna: { adopted_amount: 113500, adopted_id: draft.klarna.capture_id } } }])
    expect(rows.refunds).toEqual([
      { id: "ref_5", payment_id: "pay_3", amount: "119.00", note: "Retur: Honung från Gotland", metadata: { klarna: { adopted_amount: 11900, adopted_id: "imported-1" } } },
    ])
    expect(rows.payment).toEqual(expect.objectContaining({ id: "pay_3", payment_session_id: "payses_2", captured_at: now, canceled_at: null }))
    expect(rows.payment.data).toEqual(
      expect.objectContaining({
        import_replay: false,
        import_capture_ids: null,
        session_id: "payses_2",
        captures: [{ capture_id: draft.klarna.capture_id, medusa_capture_id: "capt_4", amount: 113500, adopted: true }],
        refunds: [{ refund_id: "imported-1", medusa_refund_id: "ref_5", amount: 11900, adopted: true, summary: "refunded in WooCommerce" }],
      })
    )
    expect(rows.collection).toEqual({
      id: "pay_col_1",
      currency_code: "sek",
      amount: "1135.00",
      status: "completed",
      authorized_amount: "1135.00",
      captured_amount: "1135.00",
      refunded_amount: "119.00",
      completed_at: now,
    })
  })

  it("a cancelled Klarna order: the payment canceled with the cancellation requested, the collection canceled", () => {
    const draft = draftOf(SAMPLE_ORDER_D_CANCELLED)
    const rows = importedPaymentRows(draft, wooPaymentTruth(draft), now, ids())
    expect(rows.captures).toEqual([])
    expect(rows.payment).toEqual(expect.objectContaining({ captured_at: null, canceled_at: now }))
    expect(rows.payment.data).toEqual(expect.objectContaining({ cancel_requested_at: now.toISOString(), import_replay: false }))
    expect(rows.collection).toEqual(expect.objectContaining({ status: "canceled", authorized_amount: "377.00", captured_amount: "0.00", refunded_amount: "0.00", completed_at: null }))
  })

  it("a legacy gateway's order: the system provider, which keeps no payment data and adopts nothing", () => {
    const draft = draftOf(SAMPLE_ORDER_F_LEGACY_INVOICE)
    const rows = importedPaymentRows(draft, wooPaymentTruth(draft), now, ids())
    expect(rows.managed_in_klarna).toBe(false)
    expect(rows.session).toEqual(expect.objectContaining({ provider_id: "pp_system_default", data: { imported_from: "woocommerce", woocommerce_payment_method: "klarna_invoice", klarna_order_id_history: undefined } }))
    expect(rows.payment.data).toEqual({})
    expect(rows.captures).toEqual([expect.objectContaining({ amount: "128.80", metadata: null })])
    expect(rows.collection.status).toBe("completed")
  })
})

describe("replayFitsLedger", () => {
  const draft = draftOf(SAMPLE_ORDER_B, [SAMPLE_REFUND_B_48391])
  const total = draft.totals.total

  it("takes what Medusa's payment module takes", () => {
    expect(replayFitsLedger(draft, { captured: total, refunds: [{ amount: total, reason: null }], canceled: false })).toBe(true)
    expect(replayFitsLedger(draft, { captured: 0, refunds: [], canceled: true })).toBe(true)
  })

  it("leaves to the per-order path what the module refuses: more captured than the total, a refund of nothing or beyond the capture", () => {
    expect(replayFitsLedger(draft, { captured: total + 1, refunds: [], canceled: false })).toBe(false)
    expect(replayFitsLedger(draft, { captured: total, refunds: [{ amount: 0, reason: null }], canceled: false })).toBe(false)
    expect(replayFitsLedger(draft, { captured: total, refunds: [{ amount: total, reason: null }, { amount: 1, reason: null }], canceled: false })).toBe(false)
    expect(replayFitsLedger(draft, { captured: 0, refunds: [{ amount: 100, reason: null }], canceled: false })).toBe(false)
  })
})
