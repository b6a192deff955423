import { inspect } from "node:util"
import { MedusaError } from "@medusajs/framework/utils"
import { KlarnaApiError } from "../errors"
import { createKlarnaClient, type KlarnaClientConfig } from "../klarna-client"
import { collectAll, nextPageOffset } from "../settlements-paging"
import { capturingLogger, klarnaError, ScriptedServer } from "./helpers/scripted-server"

let server: ScriptedServer
beforeEach(async () => {
  server = await ScriptedServer.start()
})
afterEach(async () => {
  await server.close()
})

const API_KEY = "klarna_test_api_SETTLEKEY42"
const client = (overrides: Partial<KlarnaClientConfig> = {}) =>
  createKlarnaClient({ baseUrl: server.url, apiKey: API_KEY, maxRetries: 3, retryBaseDelayMs: 1, retryMaxDelayMs: 5, ...overrides })

async function rejection(p: Promise<unknown>): Promise<KlarnaApiError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(KlarnaApiError)
    return e as KlarnaApiError
  }
  throw new Error("expected a rejection")
}

const totals = (over: Record<string, unknown> = {}) => ({
  commission_amount: 0,
  repay_amount: 0,
  sale_amount: 10000,
  holdback_amount: 0,
  tax_amount: 0,
  settlement_amount: 9710,
  fee_correction_amount: 0,
  reversal_amount: 0,
  release_amount: 0,
  return_amount: 0,
  fee_amount: 290,
  charge_amount: 0,
  credit_amount: 0,
  fee_refund_amount: 0,
  tax_refund_amount: 0,
  deposit_amount: 0,
  opening_debt_balance_amount: 0,
  closing_debt_balance_amount: 0,
  ...over,
})

const payout = (ref: string, over: Record<string, unknown> = {}) => ({
  totals: totals(),
  payment_reference: ref,
  payout_date: "2025-02-01T00:00:00Z",
  currency_code: "SEK",
  merchant_settlement_type: "NET",
  merchant_id: "PK123",
  transactions: `https://api.klarna.com/settlements/v1/transactions?payment_reference=${ref}`,
  ...over,
})

const sale = (n: number, over: Record<string, unknown> = {}) => ({
  amount: 1000 + n,
  capture_id: `cap-${n}`,
  sale_date: "2025-01-20T10:00:00Z",
  type: "SALE",
  capture_date: "2025-01-21T10:00:00Z",
  payment_reference: "XISA93DJ",
  order_id: `ord-${n}`,
  currency_code: "SEK",
  purchase_country: "SE",
  merchant_capture_reference: `capt_${n}`,
  ...over,
})

/** A page of `count` transactions starting at `offset`, of `total`. */
const txPage = (offset: number, count: number, total: number, withNext = offset + count < total) => ({
  status: 200,
  body: {
    transactions: Array.from({ length: count }, (_, i) => sale(offset + i)),
    pagination: { count, total, offset, ...(withNext ? { next: `https://elsewhere.example/transactions?offset=${offset + count}` } : {}) },
  },
})

describe("listPayouts / getPayout / listTransactions", () => {
  it("GETs /settlements/v1/payouts with the filters as query parameters and parses the page", async () => {
    server.script({ status: 200, body: { payouts: [payout("XISA93DJ")], pagination: { count: 1, total: 1, offset: 0 } } })
    const page = await client().listPayouts({ start_date: "2025-01-01T00:00:00Z", end_date: "2025-01-31T23:59:59Z", currency_code: "SEK", size: 50, offset: 0 })
    expect(server.requests[0].method).toBe("GET")
    expect(server.requests[0].url).toBe(
      "/settlements/v1/payouts?currency_code=SEK&end_date=2025-01-31T23%3A59%3A59Z&offset=0&size=50&start_date=2025-01-01T00%3A00%3A00Z"
    )
    expect(server.requests[0].headers.authorization).toBe(`Basic ${API_KEY}`)
    expect(page.payouts[0]).toMatchObject({ payment_reference: "XISA93DJ", currency_code: "SEK", totals: { settlement_amount: 9710, fee_amount: 290 } })
    expect(page.pagination).toEqual({ count: 1, total: 1, offset: 0 })
  })

  it("reads payouts leniently: unknown fields kept, nulls dropped, unknown settlement types accepted, missing descriptive fields tolerated", async () => {
    const odd = payout("R1", { merchant_settlement_type: "SOMETHING_NEW", merchant_id: null, new_field: { a: 1 }, totals: totals({ brand_new_amount: 5, deposit_amount: null }) })
    delete (odd as Record<string, unknown>).transactions
    server.script({ status: 200, body: odd })
    const p = await client().getPayout("R1")
    expect(p.merchant_settlement_type).toBe("SOMETHING_NEW")
    expect(p.merchant_id).toBeUndefined()
    expect((p as Record<string, unknown>).new_field).toEqual({ a: 1 })
    expect((p.totals as Record<string, unknown>).brand_new_amount).toBe(5)
    expect(p.totals.deposit_amount).toBeUndefined()
  })

  it("refuses a payout without its settlement amount (an unexpected response, not retried)", async () => {
    const bad = payout("R1", { totals: { ...totals(), settlement_amount: undefined } })
    server.script({ status: 200, body: bad })
    const err = await rejection(client().getPayout("R1"))
    expect(server.requests).toHaveLength(1)
    expect(err.message).toMatch(/read the payout/)
    expect(err.message).toMatch(/totals\.settlement_amount/)
  })

  it("refuses a fractional amount: amounts are integer minor units", async () => {
    server.script({ status: 200, body: { transactions: [sale(1, { amount: 10.5 })], pagination: { count: 1 } } })
    const err = await rejection(client().listTransactions())
    expect(err.message).toBe(
      "Klarna returned an unexpected response while trying to list the settlement transactions: transactions[0].amount: expected int, received number"
    )
  })

  it("encodes the payment reference as one path segment", async () => {
    server.script({ status: 200, body: payout("A/B C") })
    await client().getPayout("A/B C")
    expect(server.requests[0].url).toBe("/settlements/v1/payouts/A%2FB%20C")
  })

  it("a payout Klarna does not know is NOT_FOUND", async () => {
    server.script(klarnaError(404, "NOT_FOUND", "Payout not found"))
    const err = await rejection(client().getPayout("NOPE"))
    expect(err.type).toBe(MedusaError.Types.NOT_FOUND)
    expect(err.message).toBe("Klarna refused to read the payout: Payout not found (NOT_FOUND, correlation id corr-404-NOT_FOUND)")
  })

  it("reads transactions: empty ids become undefined, unknown types and fields are kept", async () => {
    const ret = { ...sale(2), type: "RETURN", capture_id: "", refund_id: "ref-2", merchant_refund_reference: "refund_2", merchant_capture_reference: null }
    const mystery = { amount: 5, type: "BRAND_NEW_TYPE", currency_code: "SEK", order_id: null, extra: true }
    server.script({ status: 200, body: { transactions: [ret, mystery], pagination: { count: 2, total: 2 } } })
    const page = await client().listTransactions({ payment_reference: "XISA93DJ" })
    expect(server.requests[0].url).toBe("/settlements/v1/transactions?payment_reference=XISA93DJ")
    expect(page.transactions[0].capture_id).toBeUndefined()
    expect(page.transactions[0].refund_id).toBe("ref-2")
    expect(page.transactions[0].merchant_capture_reference).toBeUndefined()
    expect(page.transactions[1]).toMatchObject({ type: "BRAND_NEW_TYPE", extra: true })
    expect(page.transactions[1].order_id).toBeUndefined()
  })

  it.each([
    [{ size: 501 }, /size/],
    [{ size: 0 }, /size/],
    [{ offset: -1 }, /offset/],
    [{ start_date: "last tuesday" }, /start_date/],
    [{ currency_code: "EURO" }, /currency_code/],
  ])("refuses invalid parameters %j before sending anything", async (params, field) => {
    const err = await rejection(client().listPayouts(params as never))
    expect(server.requests).toHaveLength(0)
    expect(err.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(err.message).toMatch(field)
  })

  it("retries a 503 and a 429 on a read, then answers", async () => {
    server.script(klarnaError(503, "TEMPORARILY_UNAVAILABLE", "x"), klarnaError(429, "TOO_MANY_REQUESTS", "y"), {
      status: 200,
      body: { payouts: [], pagination: { count: 0, total: 0 } },
    })
    const page = await client().listPayouts()
    expect(page.payouts).toEqual([])
    expect(server.requests).toHaveLength(3)
    expect(server.requests.every((r) => r.url === "/settlements/v1/payouts")).toBe(true)
  })

  it("never puts the credentials in errors or logs", async () => {
    const logger = capturingLogger()
    server.otherwise(klarnaError(500, "INTERNAL_SERVER_ERROR", "boom"))
    const err = await rejection(client({ logger, maxRetries: 1 }).listTransactions({ order_id: "ord-1" }))
    const surfaces = [err.message, err.stack ?? "", JSON.stringify(err), inspect(err, { depth: 20, showHidden: true }), ...logger.lines.map((l) => l.message)]
    expect(logger.lines.some((l) => l.level === "warn" && l.message.includes("listTransactions"))).toBe(true)
    for (const text of surfaces) expect(text).not.toContain(API_KEY)
    expect(err.message).toBe(
      "Klarna failed with HTTP 500 while trying to list the settlement transactions after 2 attempts: boom (INTERNAL_SERVER_ERROR, correlation id corr-500-INTERNAL_SERVER_ERROR)"
    )
  })
})

describe("allTransactions / allPayouts paging", () => {
  it("walks every page by offset with the filters kept, and stops when offset + count reaches total", async () => {
    server.script(txPage(0, 2, 5), txPage(2, 2, 5), txPage(4, 1, 5, true))
    const all = await collectAll(client().allTransactions({ payment_reference: "XISA93DJ", size: 2 }))
    expect(all.map((t) => t.capture_id)).toEqual(["cap-0", "cap-1", "cap-2", "cap-3", "cap-4"])
    expect(server.requests.map((r) => r.url)).toEqual([
      "/settlements/v1/transactions?offset=0&payment_reference=XISA93DJ&size=2",
      "/settlements/v1/transactions?offset=2&payment_reference=XISA93DJ&size=2",
      "/settlements/v1/transactions?offset=4&payment_reference=XISA93DJ&size=2",
    ])
  })

  it("asks for Klarna's maximum page size (500) by default and never follows the next link's host", async () => {
    server.script(txPage(0, 1, 2), txPage(1, 1, 2))
    await collectAll(client().allTransactions())
    expect(server.requests).toHaveLength(2)
    expect(server.requests[1].url).toBe("/settlements/v1/transactions?offset=1&size=500")
  })

  it("stops when there is no next link, even if total claims more", async () => {
    server.script(txPage(0, 2, 10, false))
    const all = await collectAll(client().allTransactions({ size: 2 }))
    expect(all).toHaveLength(2)
    expect(server.requests).toHaveLength(1)
  })

  it("stops on an empty page, even with a next link", async () => {
    server.script(txPage(0, 2, 10), { status: 200, body: { transactions: [], pagination: { count: 0, total: 10, offset: 2, next: "x" } } })
    const all = await collectAll(client().allTransactions({ size: 2 }))
    expect(all).toHaveLength(2)
    expect(server.requests).toHaveLength(2)
  })

  it("retries a failed page in the middle of the walk and carries on", async () => {
    server.script(txPage(0, 2, 4), klarnaError(502, "TEMPORARILY_UNAVAILABLE", "x"), txPage(2, 2, 4))
    const all = await collectAll(client().allTransactions({ size: 2 }))
    expect(all).toHaveLength(4)
    expect(server.requests.map((r) => new URL(r.url, "http://x").searchParams.get("offset"))).toEqual(["0", "2", "2"])
  })

  it("throws a clear error after maxPages pages instead of paging forever", async () => {
    let n = 0
    server.otherwise({ status: 200, body: { payouts: [payout("P")], pagination: { count: 1, total: 1_000_000, next: "more" } } })
    const err = await rejection(
      (async () => {
        for await (const _p of client().allPayouts({}, { maxPages: 3 })) n++
      })()
    )
    expect(n).toBe(3)
    expect(server.requests).toHaveLength(3)
    expect(err.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
    expect(err.message).toBe(
      "Klarna still had more results after 3 pages while trying to list the payouts; stopped there. Narrow the request (a shorter date range, one payout) or raise maxPages."
    )
  })

  it("yields payouts lazily: breaking off early reads no further page", async () => {
    server.script(
      { status: 200, body: { payouts: [payout("A"), payout("B")], pagination: { count: 2, total: 4, offset: 0, next: "n" } } },
      { status: 200, body: { payouts: [payout("C"), payout("D")], pagination: { count: 2, total: 4, offset: 2 } } }
    )
    const seen: string[] = []
    for await (const p of client().allPayouts({ currency_code: "SEK", size: 2 })) {
      seen.push(p.payment_reference)
      if (seen.length === 1) break
    }
    expect(seen).toEqual(["A"])
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0].url).toBe("/settlements/v1/payouts?currency_code=SEK&offset=0&size=2")
  })

  it("starts at the given offset", async () => {
    server.script({ status: 200, body: { payouts: [payout("C")], pagination: { count: 1, total: 3, offset: 2 } } })
    const all = await collectAll(client().allPayouts({ offset: 2 }))
    expect(all.map((p) => p.payment_reference)).toEqual(["C"])
    expect(server.requests[0].url).toBe("/settlements/v1/payouts?offset=2&size=500")
  })
})

describe("nextPageOffset", () => {
  it.each([
    [0, { count: 2, total: 5, next: "n" }, 2, 2],
    [2, { count: 2, total: 5, next: "n", offset: 2 }, 2, 4],
    [4, { count: 1, total: 5, next: "n", offset: 4 }, 1, undefined],
    [0, { count: 2, next: "n" }, 2, 2],
    [0, { count: 2, total: 9 }, 2, undefined],
    [0, { count: 0, total: 9, next: "n" }, 0, undefined],
    // The server's offset wins over what was asked for.
    [3, { count: 2, total: 9, next: "n", offset: 5 }, 2, 7],
  ])("after offset %i with %j and %i items: %s", (requested, pagination, received, expected) => {
    expect(nextPageOffset(requested, pagination, received)).toBe(expected)
  })
})
