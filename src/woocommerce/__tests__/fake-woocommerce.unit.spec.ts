/**
 * The fake WooCommerce itself (lives in fake-woocommerce/; tested here because
 * the jest config only picks up unit tests under src/).
 */
import axios from "axios"
import WooCommerceRestApi from "@woocommerce/woocommerce-rest-api"
import {
  deriveNotes,
  generateWooDataset,
  generateWooOrders,
  percentEncode,
  sampleStore,
  sign,
  signatureBaseString,
  startFakeWooCommerce,
  SAMPLE_ORDER_A,
  SAMPLE_ORDER_B,
  type RunningFakeWooCommerce,
  type WooOrder,
} from "../../../fake-woocommerce/src"

const KEY = "ck_fake_key_for_tests_00000000000000000000"
const SECRET = "cs_fake_secret_for_tests_000000000000000000"

/** "12.34" → 1234, exactly. */
const ore = (s: string): number => {
  const neg = s.startsWith("-")
  const [i, f = ""] = s.replace(/^[-+]/, "").split(".")
  const v = Number(i) * 100 + Number((f + "00").slice(0, 2))
  return neg ? -v : v
}

describe("fake WooCommerce REST API", () => {
  let shop: RunningFakeWooCommerce
  let api: WooCommerceRestApi
  const raw = () => axios.create({ baseURL: `${shop.url}/wp-json/wc/v3`, validateStatus: () => true })
  const get = (endpoint: string, params: Record<string, unknown> = {}) => api.get(endpoint, params as Record<string, string>)
  const orders = generateWooOrders(250, 3)

  beforeAll(async () => {
    shop = await startFakeWooCommerce({ consumerKey: KEY, consumerSecret: SECRET })
    api = new WooCommerceRestApi({ url: shop.url, consumerKey: KEY, consumerSecret: SECRET, version: "wc/v3", axiosConfig: { validateStatus: () => true } })
  })
  afterAll(() => shop.close())
  beforeEach(() => {
    const s = sampleStore()
    shop.setOrders([...orders, ...s.orders], { refunds: s.refunds, notes: s.notes })
    shop.clearFaults()
    shop.clearRequests()
  })

  describe("GET /orders", () => {
    it("defaults: 10 per page, newest first (orderby=date desc), trash excluded, X-WP-* and Link headers", async () => {
      const res = await get("orders")
      const visible = 250 + 10 // samples minus the one in the trash
      expect(res.status).toBe(200)
      expect(res.data).toHaveLength(10)
      expect(res.headers["x-wp-total"]).toBe(String(visible))
      expect(res.headers["x-wp-totalpages"]).toBe(String(Math.ceil(visible / 10)))
      const dates = res.data.map((o: WooOrder) => o.date_created_gmt)
      expect(dates).toEqual([...dates].sort().reverse())
      expect(res.headers.link).toMatch(/rel="next"/)
      expect(res.headers.link).not.toMatch(/rel="prev"|rel="first"|rel="last"|oauth_/)
      expect(res.data[0]._links.self[0].href).toMatch(/\/wp-json\/wc\/v3\/orders\/\d+$/)
      expect(res.data[0].line_items[0].image).toEqual({ id: "", src: "" })
    })

    it("per_page over 100 → 400 rest_invalid_param; page 0 too", async () => {
      const res = await get("orders", { per_page: 101 })
      expect(res.status).toBe(400)
      expect(res.data).toMatchObject({
        code: "rest_invalid_param",
        message: "Invalid parameter(s): per_page",
        data: { status: 400, params: { per_page: "per_page must be between 1 (inclusive) and 100 (inclusive)" } },
      })
      expect((await get("orders", { page: 0 })).data.data.params.page).toMatch(/greater than or equal to 1/)
      expect((await get("orders", { status: "shipped" })).status).toBe(400)
      expect((await get("orders", { orderby: "price" })).status).toBe(400)
    })

    it("status comma list, status=trash, orderby=id asc, page past the end", async () => {
      const res = await get("orders", { status: "on-hold,cancelled", orderby: "id", order: "asc", per_page: 100 })
      const expected = [...orders, ...sampleStore().orders].filter((o) => o.status === "on-hold" || o.status === "cancelled").map((o) => o.id).sort((a, b) => a - b)
      expect(res.data.map((o: WooOrder) => o.id)).toEqual(expected)
      expect(res.headers["x-wp-total"]).toBe(String(expected.length))

      const trash = await get("orders", { status: "trash" })
      expect(trash.data.map((o: WooOrder) => o.id)).toEqual([48442])

      const past = await get("orders", { page: 50, per_page: 100 })
      expect(past.status).toBe(200)
      expect(past.data).toEqual([])
      expect(past.headers["x-wp-totalpages"]).toBe("3")
    })

    it("after / before / modified_after, site-local or GMT", async () => {
      const gmt = await get("orders", { after: "2025-06-02T17:05:43", before: "2025-06-02T17:05:45", dates_are_gmt: "true" })
      expect(gmt.data.map((o: WooOrder) => o.id)).toEqual([48377])
      const local = await get("orders", { after: "2025-06-02T19:05:43", before: "2025-06-02T19:05:45" })
      expect(local.data.map((o: WooOrder) => o.id)).toEqual([48377])
      const zoned = await get("orders", { after: "2025-06-02T19:05:43+02:00", before: "2025-06-02T19:05:45+02:00" })
      expect(zoned.data.map((o: WooOrder) => o.id)).toEqual([48377])
      const modified = await get("orders", { modified_after: "2025-07-12T00:00:00", per_page: 100 })
      expect(modified.data.map((o: WooOrder) => o.id)).toEqual([48420])
      expect((await get("orders", { after: "yesterday" })).status).toBe(400)
    })

    it("ignores unknown parameters such as payment_method", async () => {
      const filtered = await get("orders", { payment_method: "kco", per_page: 5 })
      const plain = await get("orders", { per_page: 5 })
      expect(filtered.headers["x-wp-total"]).toBe(plain.headers["x-wp-total"])
      expect(filtered.data.map((o: WooOrder) => o.id)).toEqual(plain.data.map((o: WooOrder) => o.id))
    })

    it("include_meta trims meta_data", async () => {
      const res = await get("orders/48213", { include_meta: "_wc_klarna_order_id" })
      expect(res.data.meta_data.map((m: { key: string }) => m.key)).toEqual(["_wc_klarna_order_id"])
    })
  })

  describe("single order, refunds, notes", () => {
    it("GET /orders/:id, and 404 for a refund id or unknown id", async () => {
      const a = await get("orders/48213")
      expect(a.status).toBe(200)
      expect(a.data).toMatchObject({ id: 48213, total: "2994.80", transaction_id: SAMPLE_ORDER_A.transaction_id })
      const refundId = await get("orders/48391")
      expect(refundId.status).toBe(404)
      expect(refundId.data).toEqual({ code: "woocommerce_rest_shop_order_invalid_id", message: "Invalid ID.", data: { status: 404 } })
    })

    it("refunds (paginated, X-WP-* headers) and a single refund", async () => {
      const res = await get("orders/48377/refunds")
      expect(res.headers["x-wp-total"]).toBe("1")
      expect(res.data).toHaveLength(1)
      expect(res.data[0]).toMatchObject({ id: 48391, amount: "119.00", refunded_payment: true })
      expect(res.data[0].line_items[0]).toMatchObject({ quantity: -1, total: "-106.25" })
      expect((await get("orders/48377/refunds/48391")).data.id).toBe(48391)
      expect((await get("orders/48377/refunds/1")).status).toBe(404)
    })

    it("refunds derived from the order's summaries when none were given", async () => {
      const withRefund = orders.find((o) => o.refunds.length > 0)!
      const res = await get(`orders/${withRefund.id}/refunds`)
      expect(res.data.map((r: { id: number; amount: string }) => [r.id, r.amount])).toEqual(withRefund.refunds.map((s) => [s.id, s.total.slice(1)]))
    })

    it("notes, newest first, with type filter; derived notes carry the plugins' wording", async () => {
      const res = await get("orders/48377/notes")
      expect(res.data.map((n: { id: number }) => n.id)).toEqual([120455, 119873, 119802])
      expect((await get("orders/48377/notes", { type: "customer" })).data).toEqual([])
      const kco = orders.find((o) => o.payment_method === "kco" && o.status === "completed")!
      const notes = (await get(`orders/${kco.id}/notes`)).data.map((n: { note: string }) => n.note)
      expect(notes.some((n: string) => n.startsWith(`Payment via Kustom Checkout, order ID: ${kco.transaction_id}`))).toBe(true)
      expect(notes.some((n: string) => /^Klarna order captured\. Capture amount: <span/.test(n))).toBe(true)
      expect(deriveNotes(kco).map((n) => n.note)).toEqual(notes)
    })

    it("unknown routes: rest_no_route", async () => {
      const res = await get("products")
      expect(res.status).toBe(404)
      expect(res.data.code).toBe("rest_no_route")
    })
  })

  describe("authentication", () => {
    it("no credentials → 401 woocommerce_rest_cannot_view", async () => {
      const res = await raw().get("/orders")
      expect(res.status).toBe(401)
      expect(res.data).toEqual({ code: "woocommerce_rest_cannot_view", message: "Sorry, you cannot list resources.", data: { status: 401 } })
    })

    it("keys in the query string over http authenticate nobody (as WooCommerce)", async () => {
      const res = await raw().get("/orders", { params: { consumer_key: KEY, consumer_secret: SECRET } })
      expect(res.status).toBe(401)
      expect(res.data.code).toBe("woocommerce_rest_cannot_view")
      const logged = shop.requests().at(-1)!
      expect(logged.query).not.toHaveProperty("consumer_secret")
      expect(logged.auth).toBe("query")
    })

    it("Basic auth: accepted with the right pair, 401 otherwise", async () => {
      expect((await raw().get("/orders", { auth: { username: KEY, password: SECRET } })).status).toBe(200)
      const wrong = await raw().get("/orders", { auth: { username: KEY, password: "nope" } })
      expect(wrong.status).toBe(401)
      expect(wrong.data).toMatchObject({ code: "woocommerce_rest_authentication_error", message: "Consumer secret is invalid." })
    })

    it("OAuth: verifies the HMAC signature, rejects a replayed nonce, a stale timestamp and missing parameters", async () => {
      const url = `${shop.url}/wp-json/wc/v3/orders`
      const oauth = (over: Record<string, string> = {}, secret = SECRET) => {
        const p: Record<string, string> = {
          per_page: "2",
          oauth_consumer_key: KEY,
          oauth_nonce: `n${Math.random().toString(36).slice(2)}`,
          oauth_signature_method: "HMAC-SHA1",
          oauth_timestamp: String(Math.floor(Date.now() / 1000)),
          oauth_version: "1.0",
          ...over,
        }
        p.oauth_signature = sign(signatureBaseString("GET", url, Object.entries(p)), secret, "HMAC-SHA1")
        return p
      }
      const ok = oauth()
      expect((await raw().get("/orders", { params: ok })).status).toBe(200)
      const replay = await raw().get("/orders", { params: ok })
      expect(replay.status).toBe(401)
      expect(replay.data.message).toBe("Invalid nonce - nonce has already been used.")
      const badSig = await raw().get("/orders", { params: oauth({}, "wrong") })
      expect(badSig.data).toMatchObject({ code: "woocommerce_rest_authentication_error", message: "Invalid signature - provided signature does not match." })
      const stale = await raw().get("/orders", { params: oauth({ oauth_timestamp: String(Math.floor(Date.now() / 1000) - 3600) }) })
      expect(stale.data.message).toBe("Invalid timestamp.")
      const missing = await raw().get("/orders", { params: { oauth_consumer_key: KEY } })
      expect(missing.data).toMatchObject({ code: "woocommerce_rest_authentication_missing_parameter", data: { status: 401 } })
      const requests = shop.requests()
      expect(requests.every((r) => !("oauth_signature" in r.query))).toBe(true)
    })

    it("the official client's signature (HMAC-SHA256, parameters sent twice) is accepted", async () => {
      const res = await get("orders", { status: "processing,completed", per_page: 3 })
      expect(res.status).toBe(200)
      expect(shop.requests().at(-1)).toMatchObject({ auth: "oauth", query: { status: "processing,completed", per_page: "3" } })
    })

    it("percentEncode is RFC 3986", () => {
      expect(percentEncode("a b!*'()~")).toBe("a%20b%21%2A%27%28%29~")
    })
  })

  describe("faults", () => {
    it("answers the configured status the configured number of times, with Retry-After", async () => {
      shop.addFault({ path: "/orders", status: 429, times: 2, retryAfter: 7 })
      const r1 = await get("orders")
      expect(r1.status).toBe(429)
      expect(r1.headers["retry-after"]).toBe("7")
      expect((await get("orders")).status).toBe(429)
      expect((await get("orders")).status).toBe(200)
      expect(shop.requests().map((r) => r.fault ?? false)).toEqual([true, true, false])
    })
  })

  describe("sample orders", () => {
    it("A and B are internally consistent to the öre", () => {
      for (const o of [SAMPLE_ORDER_A, SAMPLE_ORDER_B]) {
        const lines = [...o.line_items, ...o.shipping_lines, ...o.fee_lines].reduce((s, l) => s + ore(l.total) + ore(l.total_tax), 0)
        expect(lines).toBe(ore(o.total))
      }
    })
  })

  describe("generateWooOrders", () => {
    const consistent = (o: WooOrder) => {
      const lines = [...o.line_items, ...o.shipping_lines, ...o.fee_lines]
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
      const itemTax = sum(o.line_items.map((l) => ore(l.total_tax)))
      const feeTax = sum(o.fee_lines.map((l) => ore(l.total_tax)))
      return (
        sum(lines.map((l) => ore(l.total) + ore(l.total_tax))) === ore(o.total) &&
        ore(o.cart_tax) === itemTax + feeTax &&
        ore(o.total_tax) === ore(o.cart_tax) + ore(o.shipping_tax) &&
        sum(o.tax_lines.map((t) => ore(t.tax_total) + ore(t.shipping_tax_total))) === ore(o.total_tax) &&
        ore(o.discount_total) === sum(o.line_items.map((l) => ore(l.subtotal) - ore(l.total))) &&
        ore(o.discount_tax) === sum(o.line_items.map((l) => ore(l.subtotal_tax) - ore(l.total_tax))) &&
        o.line_items.every((l) => l.taxes.every((t) => Math.abs(Number(t.total) * 100 - ore(l.total_tax)) <= 0.5)) &&
        sum(o.refunds.map((r) => -ore(r.total))) <= ore(o.total)
      )
    }

    it("is deterministic and internally consistent except the deliberately inconsistent orders", () => {
      const { orders: list, inconsistentIds } = generateWooDataset(250, 11)
      expect(generateWooDataset(250, 11)).toEqual({ orders: list, inconsistentIds })
      expect(inconsistentIds).toHaveLength(2)
      for (const o of list) expect([o.id, consistent(o)]).toEqual([o.id, !inconsistentIds.includes(o.id)])
      expect(new Set(list.map((o) => o.id)).size).toBe(250)
      for (const o of list) for (const m of [o.total, o.total_tax, o.cart_tax, o.shipping_total]) expect(m).toMatch(/^\d+\.\d{2}$/)
    })

    it("mixes payment methods, statuses, 25 %/12 % VAT, coupons, fees and refunds", () => {
      const list = generateWooOrders(250, 5)
      const methods = new Set(list.map((o) => o.payment_method))
      for (const m of ["kco", "klarna_payments", "bacs", "stripe"]) expect(methods).toContain(m)
      const statuses = new Set(list.map((o) => o.status))
      for (const s of ["processing", "completed", "cancelled", "refunded", "on-hold", "pending"]) expect(statuses).toContain(s)
      expect(list.some((o) => o.tax_lines.some((t) => t.rate_percent === 12))).toBe(true)
      expect(list.some((o) => o.tax_lines.some((t) => t.rate_percent === 25))).toBe(true)
      expect(list.some((o) => o.coupon_lines.length > 0)).toBe(true)
      expect(list.some((o) => o.fee_lines.length > 0)).toBe(true)
      expect(list.some((o) => o.status === "completed" && o.refunds.length > 0)).toBe(true)
      const kco = list.filter((o) => o.payment_method === "kco" && o.status === "completed")
      expect(kco.every((o) => o.meta_data.some((m) => m.key === "_wc_klarna_capture_id") && o.meta_data.some((m) => m.key === "_wc_klarna_order_id"))).toBe(true)
      expect(kco.every((o) => o.transaction_id === o.meta_data.find((m) => m.key === "_wc_klarna_order_id")!.value)).toBe(true)
    })
  })
})
