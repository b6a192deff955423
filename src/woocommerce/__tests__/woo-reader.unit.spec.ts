/**
 * The reader against the fake WooCommerce over real HTTP (OAuth 1.0a, as the
 * official client signs requests to an http:// shop).
 */
import http from "node:http"
import type { AddressInfo } from "node:net"
import { inspect } from "node:util"
import WooCommerceRestApi from "@woocommerce/woocommerce-rest-api"
import { generateWooOrders, sampleStore, startFakeWooCommerce, type RunningFakeWooCommerce } from "../../../fake-woocommerce/src"
import { createWooReader, isKlarnaOrder, KLARNA_PAYMENT_METHOD_IDS, WooImportError, type WooReaderConfig } from ".."

const KEY = "ck_1234567890abcdef1234567890abcdef12345678"
const SECRET = "cs_abcdef1234567890abcdef1234567890abcdef12"

function leakChecks(text: string): void {
  expect(text).not.toContain(KEY)
  expect(text).not.toContain(SECRET)
  expect(text).not.toContain(encodeURIComponent(SECRET))
  expect(text).not.toMatch(/oauth_signature|oauth_consumer_key|oauth_nonce|consumer_secret/i)
}

function everything(err: unknown): string {
  const e = err as Error
  return [e.message, e.stack ?? "", JSON.stringify(err), inspect(err, { depth: 10, showHidden: true })].join("\n")
}

async function caught(p: Promise<unknown>): Promise<WooImportError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(WooImportError)
    return e as WooImportError
  }
  throw new Error("expected a rejection")
}

describe("WooCommerce reader (over HTTP against the fake)", () => {
  let shop: RunningFakeWooCommerce
  const logs: string[] = []
  const reader = (extra: Partial<WooReaderConfig> = {}) =>
    createWooReader({
      url: shop.url,
      consumerKey: KEY,
      consumerSecret: SECRET,
      retryBaseDelayMs: 5,
      logger: { info: (m) => logs.push(m), warn: (m) => logs.push(m), debug: (m) => logs.push(m) },
      ...extra,
    })
  const orders250 = generateWooOrders(250, 7)

  beforeAll(async () => {
    shop = await startFakeWooCommerce({ consumerKey: KEY, consumerSecret: SECRET, orders: orders250 })
  })
  afterAll(() => shop.close())
  beforeEach(() => {
    shop.setOrders(orders250)
    shop.clearFaults()
    shop.clearRequests()
    shop.setLatency(0)
    logs.length = 0
  })
  afterEach(() => {
    for (const line of logs) leakChecks(line)
  })

  describe("paging", () => {
    it("walks 250 orders in 3 pages of ≤100, ascending by id, with totals from X-WP-* headers", async () => {
      const pages = []
      for await (const page of reader().iterateOrders({ perPage: 100 })) pages.push(page)
      expect(pages.map((p) => [p.page, p.orders.length, p.total, p.totalPages])).toEqual([
        [1, 100, 250, 3],
        [2, 100, 250, 3],
        [3, 50, 250, 3],
      ])
      const ids = pages.flatMap((p) => p.orders.map((o) => o.id))
      expect(ids).toEqual([...orders250.map((o) => o.id)].sort((a, b) => a - b))
      expect(pages.every((p) => !p.estimated && p.rejected.length === 0)).toBe(true)

      const reqs = shop.requests()
      expect(reqs).toHaveLength(3)
      for (const [i, r] of reqs.entries()) {
        expect(r).toMatchObject({ method: "GET", path: "/wp-json/wc/v3/orders", auth: "oauth", status: 200 })
        expect(r.query).toMatchObject({ page: String(i + 1), per_page: "100", orderby: "id", order: "asc" })
        expect(r.query.oauth_signature_method).toBe("HMAC-SHA256")
        expect(r.query).not.toHaveProperty("oauth_signature")
      }
    })

    it("listOrdersPage sends status, dates and reads the headers; a page past the end is empty", async () => {
      const r = reader()
      const page = await r.listOrdersPage({ page: 1, perPage: 20, status: ["processing", "completed"], after: new Date("2024-01-05T00:00:00Z") })
      const expected = orders250.filter((o) => ["processing", "completed"].includes(o.status) && o.date_created_gmt > "2024-01-05T00:00:00")
      expect(page.total).toBe(expected.length)
      expect(page.totalPages).toBe(Math.ceil(expected.length / 20))
      expect(page.orders.map((o) => o.id)).toEqual(expected.map((o) => o.id).sort((a, b) => a - b).slice(0, 20))
      expect(shop.requests()[0].query).toMatchObject({ status: "processing,completed", after: "2024-01-05T00:00:00", dates_are_gmt: "true" })

      const beyond = await r.listOrdersPage({ page: 99, perPage: 100 })
      expect(beyond).toMatchObject({ orders: [], total: 250, totalPages: 3 })
    })

    it("refuses perPage above 100 before sending anything", async () => {
      const err = await caught(reader().listOrdersPage({ perPage: 101 }))
      expect(err.code).toBe("invalid_argument")
      expect(shop.requests()).toHaveLength(0)
    })
  })

  describe("authentication", () => {
    it("OAuth 1.0a signature is accepted (every retry re-signed with a fresh nonce)", async () => {
      shop.addFault({ path: "/orders", status: 500, times: 1 })
      const page = await reader().listOrdersPage({ perPage: 5 })
      expect(page.orders).toHaveLength(5)
      const [first, second] = shop.requests()
      expect(second.auth).toBe("oauth")
      expect(first.query.oauth_nonce).not.toEqual(second.query.oauth_nonce)
    })

    it("a wrong secret gives a clear 401 WooImportError, not retried, with no key, secret or OAuth parameter in it", async () => {
      const bad = createWooReader({ url: shop.url, consumerKey: KEY, consumerSecret: `${SECRET}x`, logger: { warn: (m) => logs.push(m) } })
      const err = await caught(bad.listOrdersPage({ perPage: 10 }))
      expect(err).toMatchObject({ status: 401, code: "woocommerce_rest_authentication_error", attempts: 1, retryable: false })
      expect(err.message).toMatch(/rejected the API credentials/)
      expect(err.message).toMatch(/Invalid signature - provided signature does not match/)
      expect(err.message).toMatch(/consumer key and consumer secret/)
      expect(err.path).toBe("/wp-json/wc/v3/orders?page=1&per_page=10&orderby=id&order=asc")
      const text = everything(err)
      leakChecks(text)
      expect(text).not.toContain(`${SECRET}x`)
      expect(shop.requests()).toHaveLength(1)
    })

    it("a wrong key says the key is invalid, without showing it", async () => {
      const bad = createWooReader({ url: shop.url, consumerKey: "ck_unknown_key_0000000000000000000000000000", consumerSecret: SECRET })
      const err = await caught(bad.listNotes(orders250[0].id))
      expect(err.status).toBe(401)
      expect(err.message).toMatch(/Consumer key is invalid/)
      expect(everything(err)).not.toContain("ck_unknown_key_0000000000000000000000000000")
      leakChecks(everything(err))
    })
  })

  describe("retries", () => {
    it("429 with Retry-After: waits at least that long, then succeeds", async () => {
      shop.addFault({ path: "/orders", status: 429, times: 1, retryAfter: 1 })
      const started = Date.now()
      const page = await reader({ retryBaseDelayMs: 1 }).listOrdersPage({ perPage: 10 })
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
      expect(page.orders).toHaveLength(10)
      expect(shop.requests().map((r) => r.status)).toEqual([429, 200])
      expect(logs.some((l) => /429.*retry 1 of 5.*Retry-After 1 s/.test(l))).toBe(true)
    })

    it("500 twice, then success", async () => {
      shop.addFault({ path: "/orders", status: 500, times: 2 })
      const page = await reader().listOrdersPage({ perPage: 10 })
      expect(page.orders).toHaveLength(10)
      expect(shop.requests().map((r) => r.status)).toEqual([500, 500, 200])
    })

    it("an HTML 503 from the host and a dropped connection are retried too", async () => {
      const id = orders250[3].id
      shop.addFault({ path: `/orders/${id}/notes`, status: 503, times: 1 })
      shop.addFault({ path: `/orders/${id}/notes`, status: "reset", times: 1 })
      const notes = await reader().listNotes(id)
      expect(Array.isArray(notes)).toBe(true)
      expect(shop.requests()).toHaveLength(3)
    })

    it("a timeout is retried", async () => {
      shop.addFault({ path: "/orders", status: 200, times: 1, delayMs: 400, body: [] })
      const page = await reader({ timeoutMs: 100 }).listOrdersPage({ perPage: 3 })
      expect(page.orders).toHaveLength(3)
      expect(shop.requests().length).toBe(2)
    })

    it("an unreachable shop gives a network_error after the retries, naming only the host", async () => {
      const r = createWooReader({ url: "http://127.0.0.1:1", consumerKey: KEY, consumerSecret: SECRET, maxRetries: 1, retryBaseDelayMs: 1 })
      const err = await caught(r.listOrdersPage({ perPage: 1 }))
      expect(err).toMatchObject({ code: "network_error", attempts: 2, retryable: true })
      expect(err.message).toMatch(/Could not reach WooCommerce at 127\.0\.0\.1:1: ECONNREFUSED/)
      leakChecks(everything(err))
    })

    it("404 is not retried", async () => {
      const err = await caught(reader().listNotes(999999))
      expect(err).toMatchObject({ status: 404, code: "woocommerce_rest_shop_order_invalid_id", attempts: 1 })
      expect(shop.requests()).toHaveLength(1)
    })

    it("other 4xx (400, 403) are not retried", async () => {
      shop.addFault({ path: "/orders", status: 403, times: 5 })
      const err = await caught(reader().listOrdersPage({ perPage: 1 }))
      expect(err).toMatchObject({ status: 403, code: "woocommerce_rest_cannot_view" })
      expect(err.message).toMatch(/may not read orders/)
      expect(shop.requests()).toHaveLength(1)

      shop.clearFaults()
      shop.clearRequests()
      const params = { after: "after is not a valid date." }
      shop.addFault({ path: "/orders", status: 400, times: 5, body: { code: "rest_invalid_param", message: "Invalid parameter(s): after", data: { status: 400, params } } })
      const err400 = await caught(reader().listOrdersPage({ perPage: 1, after: "yesterday" }))
      expect(err400).toMatchObject({ status: 400, code: "rest_invalid_param", details: params })
      expect(err400.message).toMatch(/Invalid parameter\(s\): after/)
      expect(shop.requests()).toHaveLength(1)
    })

    it("gives up after maxRetries with the last error", async () => {
      shop.addFault({ path: "/orders", status: 500, times: Infinity })
      const err = await caught(reader({ maxRetries: 2 }).listOrdersPage({ perPage: 1 }))
      expect(err).toMatchObject({ status: 500, code: "http_500", attempts: 3, retryable: true })
      expect(err.message).toBe("The shop answered HTTP 500 for /wp-json/wc/v3/orders after 3 attempt(s); it is not a WooCommerce REST API response.")
      expect(shop.requests()).toHaveLength(3)
    })

    it("quotes an error body only when its code is WooCommerce's own (woocommerce_rest_*, rest_*)", async () => {
      const foreign = { code: "internal_error", message: "root:x:0:0:root:/root:/bin/bash", data: { status: 500, params: { leaked: true } } }
      shop.addFault({ path: "/orders", status: 500, times: Infinity, body: foreign })
      const err = await caught(reader({ maxRetries: 0 }).listOrdersPage({ perPage: 1 }))
      expect(err).toMatchObject({ status: 500, code: "http_500" })
      expect(err.details).toBeUndefined()
      expect(err.message).toMatch(/^The shop answered HTTP 500 .*it is not a WooCommerce REST API response\.$/)
      expect(everything(err)).not.toMatch(/root:x|internal_error|leaked/)

      shop.clearFaults()
      shop.addFault({ path: "/orders", status: 418, times: 1, body: { code: "teapot", message: "service banner v1.2.3" } })
      const other = await caught(reader().listOrdersPage({ perPage: 1 }))
      expect(other.message).toMatch(/answered HTTP 418/)
      expect(other.message).not.toMatch(/teapot|banner/)

      shop.clearFaults()
      shop.addFault({ path: "/orders", status: 500, times: 1, body: { code: "woocommerce_rest_cannot_create", message: "Database <b>gone</b>" } })
      const woo = await caught(reader({ maxRetries: 0 }).listOrdersPage({ perPage: 1 }))
      expect(woo).toMatchObject({ status: 500, code: "woocommerce_rest_cannot_create" })
      expect(woo.message).toMatch(/WooCommerce said: "Database gone"/)
    })

    it("does not sit out a Retry-After longer than maxRetryDelayMs", async () => {
      shop.addFault({ path: "/orders", status: 429, times: 1, retryAfter: 3600 })
      const err = await caught(reader().listOrdersPage({ perPage: 1 }))
      expect(err.message).toMatch(/asked to wait 3600 s/)
      expect(shop.requests()).toHaveLength(1)
    })

    it("a 200 that is not JSON (a theme page, a login wall) is reported, not parsed", async () => {
      shop.addFault({ path: "/orders", status: 200, times: 1, body: "<html><body>Maintenance</body></html>" })
      const err = await caught(reader().listOrdersPage({ perPage: 1 }))
      expect(err.code).toBe("invalid_response")
      expect(err.message).toMatch(/not WooCommerce JSON/)
    })
  })

  describe("Klarna filtering is ours: the API ignores payment_method", () => {
    it("?payment_method=kco returns every order; isKlarnaOrder keeps the Klarna ones", async () => {
      const api = new WooCommerceRestApi({ url: shop.url, consumerKey: KEY, consumerSecret: SECRET, version: "wc/v3" })
      const res = await api.get("orders", { per_page: 100, payment_method: "kco" })
      expect(res.status).toBe(200)
      expect(res.headers["x-wp-total"]).toBe("250")
      expect(new Set(res.data.map((o: { payment_method: string }) => o.payment_method)).size).toBeGreaterThan(2)

      const all = []
      for await (const page of reader().iterateOrders()) all.push(...page.orders)
      const klarna = all.filter(isKlarnaOrder)
      const expected = orders250.filter((o) => (KLARNA_PAYMENT_METHOD_IDS as readonly string[]).includes(o.payment_method))
      expect(klarna.map((o) => o.id).sort()).toEqual(expected.map((o) => o.id).sort())
      expect(klarna.length).toBeLessThan(all.length)
      expect(all.some((o) => o.payment_method === "bacs")).toBe(true)
      expect(all.some((o) => o.payment_method === "stripe")).toBe(true)
    })
  })

  describe("enrichOrders", () => {
    it("attaches refunds (only where listed) and notes, with bounded concurrency", async () => {
      const s = sampleStore()
      shop.setOrders(s.orders, { refunds: s.refunds, notes: s.notes })
      shop.setLatency(30)
      shop.resetStats()
      const r = reader({ concurrency: 2 })
      const page = await r.listOrdersPage({ perPage: 100 })
      const klarna = page.orders.filter(isKlarnaOrder)
      shop.clearRequests()
      shop.resetStats()
      const enriched = await r.enrichOrders(klarna)
      expect(enriched.map((e) => e.order.id)).toEqual(klarna.map((o) => o.id))
      expect(shop.stats().maxInFlight).toBe(2) // parallel, but never more than the limit
      const b = enriched.find((e) => e.order.id === 48377)!
      expect(b.refunds.map((x) => [x.id, x.amount])).toEqual([[48391, "119.00"]])
      expect(b.notes).toHaveLength(3)
      const refundCalls = shop.requests().filter((q) => q.path.endsWith("/refunds"))
      expect(refundCalls.map((q) => q.path).sort()).toEqual(["/wp-json/wc/v3/orders/48377/refunds", "/wp-json/wc/v3/orders/48420/refunds"])
      expect(shop.requests().filter((q) => q.path.endsWith("/notes"))).toHaveLength(klarna.length)
    })

    it("an order that vanished (404) is reported on that order; a fatal error rejects the whole call", async () => {
      const r = reader({ concurrency: 3 })
      const [o1, o2] = (await r.listOrdersPage({ perPage: 2 })).orders
      shop.addFault({ path: `/orders/${o2.id}/notes`, status: 404 })
      const res = await r.enrichOrders([o1, o2], { refunds: "never" })
      expect(res[0].error).toBeUndefined()
      expect(res[1].error).toMatchObject({ status: 404 })

      shop.addFault({ path: /\/notes$/, status: 401, times: Infinity })
      const err = await caught(r.enrichOrders([o1, o2]))
      expect(err.status).toBe(401)
    })
  })

  it("does not follow a redirect, even to a shop that would answer", async () => {
    const redirector = http.createServer((req, res) => {
      res.writeHead(302, { Location: `${shop.url}${req.url}` })
      res.end()
    })
    await new Promise<void>((r) => redirector.listen(0, "127.0.0.1", r))
    try {
      const url = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`
      const err = await caught(createWooReader({ url, consumerKey: KEY, consumerSecret: SECRET }).listOrdersPage({ perPage: 1 }))
      expect(err).toMatchObject({ status: 302, retryable: false })
      expect(err.message).toBe(`WooCommerce redirected /wp-json/wc/v3/orders (302) to ${shop.url}; redirects are not followed. Use the final address (often https://) as the shop URL.`)
      expect(shop.requests()).toHaveLength(0)
      leakChecks(everything(err))
    } finally {
      redirector.close()
    }
  })

  it("rejects a malformed shop URL without leaking the secret", () => {
    expect(() => createWooReader({ url: "shop.example.se", consumerKey: KEY, consumerSecret: SECRET })).toThrow(WooImportError)
    try {
      createWooReader({ url: `ftp://${SECRET}@x`, consumerKey: KEY, consumerSecret: SECRET })
    } catch (e) {
      leakChecks(everything(e))
    }
  })
})
