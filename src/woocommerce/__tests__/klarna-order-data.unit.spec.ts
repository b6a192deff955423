import { SAMPLE_ORDER_A, SAMPLE_ORDER_B, SAMPLE_ORDER_C_ON_HOLD, type WooOrder as FakeOrder } from "../../../fake-woocommerce/src"
import { extractKlarnaData, isSensitiveMetaKey, noteText, WooNoteSchema, WooOrderSchema, type WooNote, type WooOrder } from ".."

const UUID1 = "11111111-2222-4333-8444-555555555555"
const UUID2 = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"

function order(over: Partial<FakeOrder> = {}, meta: Array<[string, unknown]> = []): WooOrder {
  const base = JSON.parse(JSON.stringify(SAMPLE_ORDER_A)) as FakeOrder
  base.meta_data = meta.map(([key, value], i) => ({ id: 1000 + i, key, value }))
  return WooOrderSchema.parse({ ...base, transaction_id: "", ...over })
}
const note = (text: string, id = 1): WooNote =>
  WooNoteSchema.parse({ id, author: "system", date_created: "2025-01-01T10:00:00", date_created_gmt: "2025-01-01T09:00:00", note: text, customer_note: false })

describe("extractKlarnaData", () => {
  it("trusts transaction_id, then _wc_klarna_order_id, then the notes", () => {
    const notes = [note(`Payment via Kustom Checkout, order ID: ${UUID2}`)]
    expect(extractKlarnaData(order({ transaction_id: UUID1 }, [["_wc_klarna_order_id", UUID1]]), notes)).toMatchObject({ klarna_order_id: UUID1, source: "transaction_id" })
    expect(extractKlarnaData(order({}, [["_wc_klarna_order_id", UUID1]]), notes)).toMatchObject({ klarna_order_id: UUID1, source: "meta" })
    expect(extractKlarnaData(order(), notes)).toMatchObject({ klarna_order_id: UUID2, source: "notes" })
    const none = extractKlarnaData(order(), [])
    expect(none.klarna_order_id).toBeUndefined()
    expect(none.source).toBeUndefined()
    expect(none.warnings.join(" ")).toMatch(/no Klarna order id found/)
  })

  it("warns when transaction_id and the meta disagree; ignores a non-UUID transaction_id", () => {
    const conflict = extractKlarnaData(order({ transaction_id: UUID1 }, [["_wc_klarna_order_id", UUID2]]))
    expect(conflict.klarna_order_id).toBe(UUID1)
    expect(conflict.warnings.join(" ")).toMatch(/differs/)
    const invoiceNo = extractKlarnaData(order({ transaction_id: "900123456" }, [["_wc_klarna_order_id", UUID2]]))
    expect(invoiceNo).toMatchObject({ klarna_order_id: UUID2, source: "meta" })
  })

  it("looks meta up by KEY, never by id; the last non-empty value wins", () => {
    const o = order({}, [
      ["_wc_klarna_order_id", UUID1],
      ["_wc_klarna_order_id", UUID2],
      ["_wc_klarna_order_id", ""],
    ])
    // Meta ids differ between HPOS and postmeta: scramble them, the result must not change.
    const scrambled = WooOrderSchema.parse({ ...o, meta_data: o.meta_data.map((m, i) => ({ ...m, id: 99999 - i * 7 })) })
    expect(extractKlarnaData(o).klarna_order_id).toBe(UUID2)
    expect(extractKlarnaData(scrambled).klarna_order_id).toBe(UUID2)
  })

  it("reads the notes' HTML, in the plugins' wordings", () => {
    for (const text of [
      `Payment via Klarna Payments, order ID: ${UUID1}`,
      `Payment via Klarna Checkout, order ID: ${UUID1}`,
      `<p>Payment via <strong>Kustom Checkout</strong>, order ID: ${UUID1}</p>`,
    ]) {
      expect(extractKlarnaData(order(), [note(text)])).toMatchObject({ klarna_order_id: UUID1, source: "notes" })
    }
    expect(extractKlarnaData(order(), [note(`Order status changed. Reference ${UUID1}`)]).klarna_order_id).toBeUndefined()
    expect(noteText('a&nbsp;<span class="x">1 135,00</span> kr')).toBe("a 1 135,00 kr")
  })

  it("capture id from _wc_klarna_capture_id, else the capture note; 'trial' is not a capture", () => {
    expect(extractKlarnaData(order({}, [["_wc_klarna_capture_id", UUID1]])).capture_id).toBe(UUID1)
    const fromNote = extractKlarnaData(order(), [note(`Klarna order captured. Capture amount: <span>10,00&nbsp;kr</span>. Capture ID: ${UUID2}`)])
    expect(fromNote.capture_id).toBe(UUID2)
    const trial = extractKlarnaData(order({}, [["_wc_klarna_capture_id", "trial"]]))
    expect(trial.capture_id).toBeUndefined()
    expect(trial.warnings.join(" ")).toMatch(/trial/)
  })

  it("environment and region", () => {
    expect(extractKlarnaData(order({}, [["_wc_klarna_environment", "test"]])).environment).toBe("playground")
    expect(extractKlarnaData(order({}, [["_wc_klarna_environment", "live"]])).environment).toBe("live")
    expect(extractKlarnaData(order()).environment).toBeUndefined()
    const region = (c: string) => extractKlarnaData(order({}, [["_wc_klarna_country", c]]))
    expect(region("US")).toMatchObject({ country: "US", region: "na" })
    expect(region("ca")).toMatchObject({ country: "CA", region: "na" })
    expect(region("AU")).toMatchObject({ region: "oc" })
    expect(region("NZ")).toMatchObject({ region: "oc" })
    expect(region("EU")).toMatchObject({ country: "EU", region: "eu" })
    expect(region("DE")).toMatchObject({ region: "eu" })
    const guessed = extractKlarnaData(order({ billing: { ...SAMPLE_ORDER_A.billing, country: "US" } }))
    expect(guessed).toMatchObject({ region: "na" })
    expect(guessed.country).toBeUndefined()
    expect(guessed.warnings.join(" ")).toMatch(/guessed from the billing country US/)
  })

  it("payment method per gateway and Klarna Payments method", () => {
    const pm = (payment_method: string, meta: Array<[string, unknown]> = [], title = "") =>
      extractKlarnaData(order({ payment_method, payment_method_title: title }, meta))
    expect(pm("kco")).toMatchObject({ payment_method: "klarna_checkout", legacy: false })
    expect(pm("klarna_checkout")).toMatchObject({ payment_method: "klarna_checkout", legacy: true })
    expect(pm("klarna_invoice")).toMatchObject({ payment_method: "pay_later", legacy: true })
    expect(pm("klarna_part_payment")).toMatchObject({ payment_method: "pay_over_time", legacy: true })
    expect(pm("klarna_payments", [["_kp_payment_method", "Betala senare"]]).payment_method).toBe("pay_later")
    expect(pm("klarna_payments", [["_kp_payment_method", "Dela upp betalningen"]]).payment_method).toBe("pay_over_time")
    expect(pm("klarna_payments", [["_kp_payment_method", "Betala nu"]]).payment_method).toBe("pay_now")
    expect(pm("klarna_payments", [["_kp_payment_method", "pay_over_time"]]).payment_method).toBe("pay_over_time")
    expect(pm("klarna_payments", [["_kp_payment_method", "Financing"]]).payment_method).toBe("pay_over_time")
    expect(pm("klarna_payments", [], "Klarna - Pay in 4").payment_method).toBe("pay_over_time")
    const unknown = pm("klarna_payments", [["_kp_payment_method", "Klarna"]])
    expect(unknown.payment_method).toBe("pay_later")
    expect(unknown.warnings.join(" ")).toMatch(/not recognised/)
  })

  it("samples: A from transaction_id, B with capture, C from meta while on hold", () => {
    expect(extractKlarnaData(WooOrderSchema.parse(SAMPLE_ORDER_A))).toMatchObject({ source: "transaction_id", payment_method: "klarna_checkout" })
    expect(extractKlarnaData(WooOrderSchema.parse(SAMPLE_ORDER_B))).toMatchObject({ capture_id: "c4e8a1f7-93b2-4d05-8e6a-1a2b3c4d5e6f", payment_method: "pay_later" })
    const c = extractKlarnaData(WooOrderSchema.parse(SAMPLE_ORDER_C_ON_HOLD))
    expect(c).toMatchObject({ source: "meta", klarna_order_id: "9d4c2a71-3b5e-4f08-a1c6-7e2b9f0d3a54" })
  })

  it("NEVER copies _wc_klarna_shared_secret or other secret meta", () => {
    const secretMeta: Array<[string, unknown]> = [
      ["_wc_klarna_shared_secret", "SECRET-VALUE-1"],
      ["_wc_klarna_merchant_id", "SECRET-VALUE-2"],
      ["_kco_recurring_token", "SECRET-VALUE-3"],
      ["_kp_session_data", { client_token: "SECRET-VALUE-4" }],
      ["some_api_password", "SECRET-VALUE-5"],
      ["_wc_klarna_order_id", UUID1],
    ]
    const data = extractKlarnaData(order({ transaction_id: UUID1 }, secretMeta), [note("shared secret: SECRET-VALUE-6")])
    expect(JSON.stringify(data)).not.toMatch(/SECRET-VALUE/)
  })
})

describe("isSensitiveMetaKey", () => {
  it.each([
    "_wc_klarna_shared_secret",
    "_wc_klarna_merchant_id",
    "_kco_recurring_token",
    "_klarna_payments_recurring_token",
    "_kp_session_data",
    "api_password",
    "stripe_api_key",
    "private_key",
    "oauth_signature",
    "Shared secret",
    "credentials",
  ])("%s is sensitive", (k) => expect(isSensitiveMetaKey(k)).toBe(true))
  it.each(["pa_farg", "_wc_klarna_order_id", "_wc_klarna_capture_id", "author", "coupon_info", "Färg"])("%s is not", (k) =>
    expect(isSensitiveMetaKey(k)).toBe(false)
  )
})
