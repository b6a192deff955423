import { apiPath, asArray, createRedactor, headerInt } from "../woo-reader/http"
import { plainText, statusMessage, wooErrorFor, type WooErrorContext } from "../woo-reader/http-errors"
import { orderParams } from "../woo-reader/order-params"
import { WooImportError } from "../woo-import-error"

const ctx = (over: Partial<WooErrorContext> = {}): WooErrorContext => ({ shopUrl: "https://shop.example.se", isHttps: true, timeoutMs: 1000, redact: (s) => s, ...over })
const facts = { said: "", path: "/wp-json/wc/v3/orders?page=1", attempts: 1, location: undefined }

describe("woo-reader parts", () => {
  it("createRedactor drops the key and secret (also URL-encoded) and OAuth / key query parameters", () => {
    const redact = createRedactor("ck_1234", "cs_a/b+c")
    expect(redact(`x ck_1234 y ${encodeURIComponent("cs_a/b+c")} z cs_a/b+c`)).toBe("x [redacted] y [redacted] z [redacted]")
    expect(redact("?oauth_signature=abc&consumer_key=k&page=2")).toBe("?oauth_signature=[redacted]&consumer_key=[redacted]&page=2")
    expect(createRedactor("abc", "")("abc")).toBe("abc") // too short to be a credential
  })

  it("apiPath, headerInt, asArray", () => {
    expect(apiPath("orders", { page: 2, status: "a,b" })).toBe("/wp-json/wc/v3/orders?page=2&status=a%2Cb")
    expect(apiPath("orders/5", {})).toBe("/wp-json/wc/v3/orders/5")
    expect(headerInt({ "x-wp-total": " 42 " }, "X-WP-Total")).toBe(42)
    expect(headerInt({ "x-wp-total": ["3"] }, "x-wp-total")).toBe(3)
    expect(headerInt({ "x-wp-total": "-1" }, "x-wp-total")).toBeUndefined()
    expect(headerInt({}, "x-wp-total")).toBeUndefined()
    expect(asArray([1], "/p")).toEqual([1])
    expect(() => asArray(null, "/wp-json/wc/v3/orders?page=1")).toThrow("WooCommerce returned null instead of a list for /wp-json/wc/v3/orders.")
  })

  it("orderParams: defaults, statuses without wc-, a Date means GMT, include joined", () => {
    expect(orderParams({})).toEqual({ page: 1, per_page: 100, orderby: "id", order: "asc" })
    expect(
      orderParams({ page: 3, perPage: 5, status: ["wc-processing", " completed ", ""], after: new Date("2024-01-01T00:00:00.123Z"), before: "2024-02-01T00:00:00", include: [4, 5] })
    ).toEqual({ page: 3, per_page: 5, orderby: "id", order: "asc", status: "processing,completed", after: "2024-01-01T00:00:00", before: "2024-02-01T00:00:00", dates_are_gmt: "true", include: "4,5" })
    expect(orderParams({ after: "2024-01-01", datesAreGmt: false }).dates_are_gmt).toBe("false")
    expect(() => orderParams({ page: 0 })).toThrow("page must be an integer ≥ 1 (got 0).")
    expect(() => orderParams({ after: new Date("x") })).toThrow(WooImportError)
  })

  it("plainText strips HTML, collapses space and truncates", () => {
    expect(plainText("<b>Bad</b>&nbsp;request\n  here")).toBe("Bad request here")
    expect(plainText("abcdef", 4)).toBe("abc…")
  })

  it("statusMessage: one text per kind of answer", () => {
    expect(statusMessage({ ...facts, status: 403, wooCode: "woocommerce_rest_cannot_view" }, ctx({ isHttps: false }))).toMatch(
      /may not read orders \(403\)\..*Over plain http WooCommerce only accepts OAuth 1\.0a/
    )
    expect(statusMessage({ ...facts, status: 401, wooCode: "woocommerce_rest_authentication_error", said: ' WooCommerce said: "no"' }, ctx())).toBe(
      'WooCommerce rejected the API credentials (401). WooCommerce said: "no" Check the consumer key and consumer secret (WooCommerce → Settings → Advanced → REST API).'
    )
    expect(statusMessage({ ...facts, status: 404, wooCode: "rest_no_route" }, ctx())).toBe(
      "The WooCommerce REST API (wc/v3) was not found at https://shop.example.se (/wp-json/wc/v3/orders). Check the shop URL and that WooCommerce is active."
    )
    expect(statusMessage({ ...facts, status: 400, wooCode: undefined }, ctx())).toBe(
      "The shop answered HTTP 400 for /wp-json/wc/v3/orders; it is not a WooCommerce REST API response."
    )
    expect(statusMessage({ ...facts, status: 302, wooCode: undefined, location: "https://other.example/x?y=1" }, ctx())).toBe(
      "WooCommerce redirected /wp-json/wc/v3/orders (302) to https://other.example; redirects are not followed. Use the final address (often https://) as the shop URL."
    )
    expect(statusMessage({ ...facts, status: 418, wooCode: "rest_teapot" }, ctx())).toBe("Unexpected answer 418 from WooCommerce for /wp-json/wc/v3/orders.")
  })

  it("wooErrorFor: codes, retryability and redaction", () => {
    const redact = createRedactor("ck_secret", "cs_secret")
    const c = ctx({ redact })
    const answer = (status: number, data?: unknown, headers?: Record<string, unknown>) => ({ isAxiosError: true, response: { status, data, headers } })
    const rateLimited = wooErrorFor(answer(429, undefined, { "retry-after": "2" }), "/p", 3, c)
    expect([rateLimited.error.code, rateLimited.retryable, rateLimited.retryAfterMs, rateLimited.error.attempts]).toEqual(["rate_limited", true, 2000, 3])
    const invalidParam = wooErrorFor(answer(400, { code: "rest_invalid_param", message: "bad ck_secret", data: { params: { per_page: "x" } } }), "/p", 1, c)
    expect(invalidParam.error.message).toBe('WooCommerce rejected the request /p (400 rest_invalid_param). WooCommerce said: "bad [redacted]"')
    expect(invalidParam.error.details).toEqual({ per_page: "x" })
    expect(wooErrorFor({ code: "EPRIVATEADDRESS" }, "/p", 1, c)).toMatchObject({ retryable: false, error: { code: "private_address" } })
    expect(wooErrorFor({ code: "ECONNABORTED" }, "/p", 2, c)).toMatchObject({ retryable: true, error: { code: "timeout" } })
    expect(wooErrorFor(new Error("boom cs_secret"), "/p", 1, c)).toMatchObject({ retryable: false, error: { code: "client_error", message: "WooCommerce request failed: boom [redacted]" } })
  })
})
