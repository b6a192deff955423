import { csvDocument, csvField, csvLine } from "../csv"
import { reconcileSettlements } from "../reconcile"
import { vatRatePercentText, settlementCsv, SETTLEMENT_CSV_COLUMNS } from "../settlement-csv"
import type { KlarnaPayout } from "../../client/settlements-schemas"
import type { ReconcileInput } from "../types"
import { capture, feeOf, refund, returnOf, saleOf, tx } from "./fixtures"

const reconcile = (over: Partial<ReconcileInput>) =>
  reconcileSettlements({ transactions: [], captures: [], refunds: [], now: "2025-02-01T00:00:00Z", overdue_after_days: 14, ...over }).transactions

const payout = (ref: string, date: string, currency = "SEK"): KlarnaPayout => ({
  payment_reference: ref,
  payout_date: date,
  currency_code: currency,
  totals: { sale_amount: 0, return_amount: 0, fee_amount: 0, settlement_amount: 0 },
})

/** Minimal RFC 4180 reader for the assertions. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ",") row.push(field), (field = "")
    else if (c === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++
    else field += c
  }
  return rows
}

const asObjects = (csv: string) => {
  const [header, ...rows] = parseCsv(csv)
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])))
}

describe("RFC 4180 quoting", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rhere", '"cr\rhere"'],
    ["", ""],
  ])("%j → %j", (value, expected) => {
    expect(csvField(value)).toBe(expected)
  })

  it("joins fields with commas and ends every line with CRLF", () => {
    expect(csvLine(["a", "b,c", ""])).toBe('a,"b,c",')
    expect(csvDocument(["h1", "h2"], [["1", "2"], ["x\ny", '"']])).toBe('h1,h2\r\n1,2\r\n"x\ny",""""\r\n')
  })
})

describe("cells a spreadsheet would run as formulas", () => {
  it.each([
    ["=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"],
    ["+46 70 000", "'+46 70 000"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["-cmd", "'-cmd"],
    ["\tTAB", "'\tTAB"],
  ])("prefixes %j so it stays text", (value, expected) => {
    expect(csvField(value)).toBe(/[",\r\n]/.test(expected) ? `"${expected.replace(/"/g, '""')}"` : expected)
  })

  it("leaves numbers, negative ones included, as numbers", () => {
    expect(csvField("-12.50")).toBe("-12.50")
    expect(csvField("1234")).toBe("1234")
    expect(csvField("0.00")).toBe("0.00")
  })
})

describe("vatRatePercentText", () => {
  it.each([
    [2500, "25.00"],
    [1250, "12.50"],
    [5, "0.05"],
    [0, "0.00"],
    [-1250, "-12.50"],
  ])("%i → %s", (bp, out) => expect(vatRatePercentText(bp)).toBe(out))
})

describe("settlementCsv", () => {
  it("writes the header and one line per transaction with Medusa's order, ids, amounts in major units and the match state", () => {
    const matches = reconcile({
      transactions: [saleOf(1, { amount: 12345 }), feeOf(1, { amount: 358, vat_amount: 90, vat_rate: 2500 }), returnOf(1, { amount: 2500 }), tx({ type: "SALE", order_id: "k-ord-x", amount: 1 })],
      captures: [capture(1, { amount: 12300 })],
      refunds: [refund(1)],
    })
    const csv = settlementCsv(matches, [payout("PAY1", "2025-01-20T00:00:00Z")])
    expect(csv.split("\r\n")[0]).toBe(SETTLEMENT_CSV_COLUMNS.join(","))
    const rows = asObjects(csv)
    expect(rows).toHaveLength(4)
    const sale = rows.find((r) => r.type === "SALE" && r.klarna_order_id === "k-ord-1")!
    expect(sale).toEqual({
      payout_reference: "PAY1",
      payout_date: "2025-01-20T00:00:00Z",
      currency_code: "SEK",
      type: "SALE",
      detailed_type: "",
      klarna_order_id: "k-ord-1",
      medusa_order_id: "order_1",
      medusa_order_display_id: "1001",
      klarna_capture_id: "k-cap-1",
      medusa_capture_id: "capt_1",
      klarna_refund_id: "",
      medusa_refund_id: "",
      amount: "123.45",
      fee_amount: "3.58",
      vat_amount: "",
      vat_rate: "",
      medusa_amount: "123.00",
      match_state: "amount_differs",
      matched_by: "capture_id",
      duplicate: "",
    })
    const fee = rows.find((r) => r.type === "FEE")!
    expect(fee).toMatchObject({ amount: "3.58", fee_amount: "", vat_amount: "0.90", vat_rate: "25.00", match_state: "attached", medusa_order_id: "order_1" })
    const ret = rows.find((r) => r.type === "RETURN")!
    expect(ret).toMatchObject({ amount: "25.00", klarna_refund_id: "k-ref-1", medusa_refund_id: "ref_1", match_state: "matched", matched_by: "refund_id" })
    const unknown = rows.find((r) => r.klarna_order_id === "k-ord-x")!
    expect(unknown).toMatchObject({ amount: "0.01", match_state: "unmatched", medusa_order_id: "", payout_date: "2025-01-20T00:00:00Z" })
  })

  it("uses each currency's exponent, exactly from the integers (no float rounding)", () => {
    const matches = reconcile({
      transactions: [
        tx({ type: "SALE", payment_reference: "J", currency_code: "JPY", amount: 1500 }),
        tx({ type: "SALE", payment_reference: "K", currency_code: "KWD", amount: 1234 }),
        tx({ type: "SALE", payment_reference: "S", currency_code: "SEK", amount: 9007199254740991 }),
        tx({ type: "SALE", payment_reference: "T", currency_code: "EUR", amount: 1 }),
        tx({ type: "RETURN", payment_reference: "U", currency_code: "EUR", amount: -110 }),
      ],
    })
    expect(asObjects(settlementCsv(matches)).map((r) => [r.currency_code, r.amount])).toEqual([
      ["JPY", "1500"],
      ["KWD", "1.234"],
      ["SEK", "90071992547409.91"],
      ["EUR", "0.01"],
      ["EUR", "-1.10"],
    ])
  })

  it("sums several fee rows of a capture within its payout only", () => {
    const matches = reconcile({
      transactions: [
        saleOf(1),
        feeOf(1, { amount: 290 }),
        feeOf(1, { amount: 100, detailed_type: "PURCHASE_FEE_FIXED" }),
        feeOf(1, { amount: 999, payment_reference: "PAY9" }),
      ],
      captures: [capture(1)],
    })
    const sale = asObjects(settlementCsv(matches)).find((r) => r.type === "SALE")!
    expect(sale.fee_amount).toBe("3.90")
  })

  it("quotes Klarna and Medusa values holding commas, quotes or newlines so the columns stay put", () => {
    const matches = reconcile({
      transactions: [saleOf(1, { payment_reference: 'PAY,"1"', order_id: "k-ord-1" })],
      captures: [capture(1, { order_display_id: 'A,"B"\nC' })],
    })
    const csv = settlementCsv(matches, [payout('PAY,"1"', "2025-01-20")])
    expect(csv).toContain('"PAY,""1""",2025-01-20,')
    const [row] = asObjects(csv)
    expect(row.payout_reference).toBe('PAY,"1"')
    expect(row.medusa_order_display_id).toBe('A,"B"\nC')
    expect(Object.keys(row)).toHaveLength(SETTLEMENT_CSV_COLUMNS.length)
    expect(row.match_state).toBe("matched")
  })

  it("flags the duplicate payout of a capture", () => {
    const matches = reconcile({ transactions: [saleOf(1), saleOf(1, { payment_reference: "PAY2" })], captures: [capture(1)] })
    expect(asObjects(settlementCsv(matches)).map((r) => r.duplicate)).toEqual(["", "yes"])
  })

  it("an empty reconciliation is the header line only", () => {
    expect(settlementCsv([])).toBe(`${SETTLEMENT_CSV_COLUMNS.join(",")}\r\n`)
  })
})
