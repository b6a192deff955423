/**
 * Read-only WooCommerce REST API v3 client for the import, built on the
 * official `@woocommerce/woocommerce-rest-api` client:
 *  - `http://` shop URL → OAuth 1.0a one-legged (HMAC-SHA256, parameters in the
 *    query string), the only scheme WooCommerce accepts over plain HTTP;
 *  - `https://` shop URL → HTTP Basic (`queryStringAuth: true` sends the key in
 *    the query string instead, for hosts that strip the Authorization header).
 * Each attempt goes through the client again, so a retry gets a fresh OAuth
 * nonce and timestamp.
 *
 * Errors are `WooImportError`s whose messages and fields never contain the
 * consumer key or secret (nor the signed URL).
 */
import WooCommerceRestApi from "@woocommerce/woocommerce-rest-api"
import pLimit from "p-limit"
import { isKlarnaOrder, KLARNA_PAYMENT_METHOD_IDS, KLARNA_WOO_PAYMENT_METHODS, isLegacyKlarnaPaymentMethod } from "./klarna-payment-methods"
import { isRetryableNetworkCode, isRetryableStatus, parseRetryAfter, retryDelay } from "./retry-policy"
import { isWooCommerceErrorCode, WooImportError } from "./woo-import-error"
import { checkShopUrl } from "./shop-url"
import { ipLiteral, isPrivateAddress } from "./private-address"
import { PRIVATE_ADDRESS_CODE, publicOnlyAgents, type LookupAll } from "./shop-host-guard"
import {
  describeZodError,
  WooErrorBodySchema,
  WooNoteSchema,
  WooOrderSchema,
  WooRefundSchema,
  type WooNote,
  type WooOrder,
  type WooRefund,
} from "./woo-schemas"

export { isKlarnaOrder, KLARNA_PAYMENT_METHOD_IDS, KLARNA_WOO_PAYMENT_METHODS, isLegacyKlarnaPaymentMethod }

export interface WooReaderLogger {
  info?: (message: string) => void
  warn?: (message: string) => void
  debug?: (message: string) => void
}

export interface WooReaderConfig {
  /** Shop base URL, e.g. "https://shop.example.se" (not the /wp-json URL). */
  url: string
  consumerKey: string
  consumerSecret: string
  /** Per-request timeout (default 30 000 ms). */
  timeoutMs?: number
  /** Parallel refund/note requests in `enrichOrders` (default 4). */
  concurrency?: number
  /** Retries after the first attempt (default 5). */
  maxRetries?: number
  /** First backoff delay (default 500 ms), doubled per retry, with jitter. */
  retryBaseDelayMs?: number
  /** Cap of one backoff delay; a Retry-After above it fails instead of waiting (default 60 000 ms). */
  maxRetryDelayMs?: number
  /** HTTPS only: send the key as query parameters instead of Basic auth. */
  queryStringAuth?: boolean
  /**
   * Refuse to connect to local and private network addresses, checked on every
   * connection (default false; the admin route turns it on).
   */
  blockPrivateAddresses?: boolean
  /** For tests: the resolver behind `blockPrivateAddresses`. */
  lookupAll?: LookupAll
  logger?: WooReaderLogger
  /** For tests. */
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

export type WooDateInput = string | Date

export interface ListOrdersOptions {
  page?: number
  /** 1–100 (WooCommerce's maximum), default 100. */
  perPage?: number
  /** Statuses without `wc-`, e.g. ["processing", "completed"]; default: WooCommerce's `any` (everything but trash). */
  status?: string[] | string
  /** Created after / before. A Date is sent as UTC with `dates_are_gmt=true`. */
  after?: WooDateInput
  before?: WooDateInput
  modifiedAfter?: WooDateInput
  modifiedBefore?: WooDateInput
  /** Whether string dates are GMT (default: site-local, as WooCommerce). */
  datesAreGmt?: boolean
  /** Default "id": stable while new orders arrive. */
  orderby?: "id" | "date" | "modified"
  /** Default "asc". */
  order?: "asc" | "desc"
  include?: number[]
}

export interface WooOrdersPage {
  page: number
  perPage: number
  orders: WooOrder[]
  /** X-WP-Total. */
  total: number
  /** X-WP-TotalPages. */
  totalPages: number
  /** true when the X-WP-* headers were missing and total/totalPages are estimates. */
  estimated?: boolean
  /** Orders on the page that could not be parsed at all (kept out of `orders`). */
  rejected: Array<{ id: unknown; reason: string }>
}

export interface WooOrderWithDetails {
  order: WooOrder
  /** Full refund objects (GET /orders/{id}/refunds). */
  refunds: WooRefund[]
  /** Order notes, newest first (GET /orders/{id}/notes). */
  notes: WooNote[]
  /** Set when this order's details could not be read because the order no longer exists (404). */
  error?: WooImportError
}

export interface EnrichOptions {
  /** "when-listed" (default) only calls /refunds when the order's `refunds[]` is not empty. */
  refunds?: "always" | "when-listed" | "never"
  /** Default true. */
  notes?: boolean
}

export interface WooReader {
  listOrdersPage(options?: ListOrdersOptions): Promise<WooOrdersPage>
  iterateOrders(options?: Omit<ListOrdersOptions, "page"> & { startPage?: number }): AsyncGenerator<WooOrdersPage>
  getOrder(orderId: number): Promise<WooOrder>
  listRefunds(orderId: number): Promise<WooRefund[]>
  listNotes(orderId: number): Promise<WooNote[]>
  enrichOrders(orders: readonly WooOrder[], options?: EnrichOptions): Promise<WooOrderWithDetails[]>
}

type Params = Record<string, string | number>

const MAX_PER_PAGE = 100

function toWooDate(d: WooDateInput): string {
  if (d instanceof Date) {
    if (Number.isNaN(d.getTime())) throw new WooImportError({ code: "invalid_argument", message: "Invalid date given to the WooCommerce reader." })
    return d.toISOString().slice(0, 19)
  }
  return d
}

function plainText(s: string, max = 300): string {
  const t = s.replace(/<[^>]*>/g, " ").replace(/&nbsp;/g, " ").replace(/\s+/g, " ").trim()
  return t.length > max ? `${t.slice(0, max - 1)}…` : t
}

export function createWooReader(config: WooReaderConfig): WooReader {
  const secrets = [config.consumerKey, config.consumerSecret].filter((s): s is string => typeof s === "string" && s.length >= 4)
  const redact = (text: string): string => {
    // Signed URLs never belong in a message: drop OAuth / key query parameters wholesale.
    let out = text.replace(/\b(oauth_[a-z_]+|consumer_key|consumer_secret)=[^&\s"']*/gi, "$1=[redacted]")
    for (const s of secrets) {
      for (const form of new Set([s, encodeURIComponent(s)])) out = out.split(form).join("[redacted]")
    }
    return out
  }
  const log = (level: keyof WooReaderLogger, message: string) => config.logger?.[level]?.(redact(message))

  const checked = checkShopUrl(config.url)
  if (!checked.ok) {
    throw new WooImportError({ code: "invalid_argument", message: redact(checked.reason) })
  }
  const shopUrl = checked.url
  const literal = ipLiteral(checked.hostname)
  if (config.blockPrivateAddresses && literal && isPrivateAddress(literal)) {
    // Sockets only call `lookup` for names, so an IP literal is checked here.
    throw new WooImportError({
      code: "private_address",
      message: `The shop URL points to ${checked.hostname}, a local or private network address; this import only reads shops on the public internet.`,
    })
  }
  if (!config.consumerKey || !config.consumerSecret) {
    throw new WooImportError({ code: "invalid_argument", message: "A WooCommerce consumer key and consumer secret are required." })
  }
  const isHttps = /^https:/i.test(shopUrl)
  const timeoutMs = config.timeoutMs ?? 30_000
  const maxRetries = Math.max(0, config.maxRetries ?? 5)
  const baseMs = config.retryBaseDelayMs ?? 500
  const maxDelayMs = config.maxRetryDelayMs ?? 60_000
  const sleep = config.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const limit = pLimit(Math.max(1, config.concurrency ?? 4))

  let api: WooCommerceRestApi
  try {
    api = new WooCommerceRestApi({
      url: shopUrl,
      consumerKey: config.consumerKey,
      consumerSecret: config.consumerSecret,
      version: "wc/v3",
      queryStringAuth: isHttps ? !!config.queryStringAuth : false,
      timeout: timeoutMs,
      // Redirects are never followed (a redirect could lead anywhere, past the address check): a 3xx is reported.
      axiosConfig: { maxRedirects: 0, ...(config.blockPrivateAddresses ? publicOnlyAgents(config.lookupAll) : {}) },
    })
  } catch (e) {
    const msg = e && typeof (e as { message?: unknown }).message === "string" ? (e as { message: string }).message : "invalid options"
    throw new WooImportError({ code: "invalid_argument", message: redact(`WooCommerce client configuration error: ${msg}`) })
  }

  const apiPath = (endpoint: string, params: Params) => {
    const qs = Object.entries(params)
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
      .join("&")
    return `/wp-json/wc/v3/${endpoint}${qs ? `?${qs}` : ""}`
  }

  function errorFor(err: unknown, path: string, attempts: number): { error: WooImportError; retryable: boolean; retryAfterMs?: number } {
    const e = err as {
      isAxiosError?: boolean
      response?: { status: number; data?: unknown; headers?: Record<string, unknown> }
      code?: string
      message?: string
    }
    const base = { method: "GET", path, attempts }
    if (e && e.response && typeof e.response.status === "number") {
      const status = e.response.status
      // Only WooCommerce's own errors are quoted: any other server's text (a proxy, a local service) is not shown.
      const parsed = WooErrorBodySchema.safeParse(e.response.data)
      const woo = parsed.success && isWooCommerceErrorCode(parsed.data.code) ? parsed.data : undefined
      const wooCode = woo?.code
      const wooMsg = woo?.message ? plainText(woo.message) : undefined
      const notWoo = (after = "") => `The shop answered HTTP ${status} for ${path.split("?")[0]}${after}; it is not a WooCommerce REST API response.`
      const retryable = isRetryableStatus(status)
      const retryAfterMs = parseRetryAfter(e.response.headers?.["retry-after"])
      const said = wooMsg ? ` WooCommerce said: "${wooMsg}"` : ""
      let message: string
      if (status === 401 || status === 403) {
        if (wooCode && /authentication|consumer|signature|nonce|timestamp/.test(wooCode)) {
          message = `WooCommerce rejected the API credentials (${status}).${said} Check the consumer key and consumer secret (WooCommerce → Settings → Advanced → REST API).`
        } else if (wooCode === "woocommerce_rest_cannot_view") {
          message =
            `The WooCommerce API key may not read orders (${status}).${said} Use a key with Read permission whose user can manage WooCommerce.` +
            (isHttps ? "" : " Over plain http WooCommerce only accepts OAuth 1.0a; a proxy that drops query parameters causes this error too.")
        } else {
          message = `WooCommerce refused access (${status}${wooCode ? ` ${wooCode}` : ""}).${said} A firewall or security plugin may be blocking the REST API.`
        }
      } else if (status === 404) {
        message =
          wooCode === "rest_no_route"
            ? `The WooCommerce REST API (wc/v3) was not found at ${shopUrl} (${path.split("?")[0]}). Check the shop URL and that WooCommerce is active.`
            : wooCode
              ? `Not found in WooCommerce: ${path.split("?")[0]} (404 ${wooCode}).${said}`
              : `${notWoo()} Check the shop URL and that WooCommerce is active.`
      } else if (status === 400) {
        message = wooCode ? `WooCommerce rejected the request ${path.split("?")[0]} (400 ${wooCode}).${said}` : notWoo()
      } else if (status === 429) {
        message = `WooCommerce (or its host) is rate limiting the import: still 429 after ${attempts} attempt(s). Lower the concurrency or try again later.`
      } else if (status >= 500) {
        message = wooCode
          ? `WooCommerce answered ${status} ${wooCode} for ${path.split("?")[0]} after ${attempts} attempt(s).${said}`
          : notWoo(` after ${attempts} attempt(s)`)
      } else if (status >= 300 && status < 400) {
        let target = ""
        try {
          target = new URL(String(e.response.headers?.["location"] ?? ""), shopUrl).origin // only where to, not the rest of the remote's text
        } catch {
          /* no usable Location */
        }
        message = `WooCommerce redirected ${path.split("?")[0]} (${status})${target && target !== "null" ? ` to ${target}` : ""}; redirects are not followed. Use the final address (often https://) as the shop URL.`
      } else {
        message = wooCode ? `Unexpected answer ${status} from WooCommerce for ${path.split("?")[0]}.${said}` : notWoo()
      }
      const details = woo?.data && woo.data.params !== undefined ? woo.data.params : undefined
      return {
        error: new WooImportError({
          ...base,
          status,
          code: wooCode ?? (status === 429 ? "rate_limited" : `http_${status}`),
          message: redact(message),
          retryable,
          details,
        }),
        retryable,
        retryAfterMs,
      }
    }
    if (e && (e.isAxiosError || typeof e.code === "string")) {
      const code = e.code
      const isTimeout = code === "ECONNABORTED" || code === "ETIMEDOUT" || /timeout/i.test(e.message ?? "")
      const retryable = isTimeout || isRetryableNetworkCode(code)
      let host = shopUrl
      try {
        host = new URL(shopUrl).host
      } catch {
        /* keep */
      }
      if (code === PRIVATE_ADDRESS_CODE) {
        const message = `The shop's host ${host} resolves to a local or private network address; this import only reads shops on the public internet.`
        return { error: new WooImportError({ ...base, code: "private_address", message: redact(message) }), retryable: false }
      }
      const message = isTimeout
        ? `WooCommerce at ${host} did not answer within ${timeoutMs} ms (${path.split("?")[0]}, ${attempts} attempt(s)).`
        : `Could not reach WooCommerce at ${host}: ${code ?? "network error"} (${path.split("?")[0]}, ${attempts} attempt(s)).`
      return {
        error: new WooImportError({ ...base, code: isTimeout ? "timeout" : "network_error", message: redact(message), retryable }),
        retryable,
      }
    }
    const msg = e && typeof e.message === "string" ? e.message : String(err)
    return {
      error: new WooImportError({ ...base, code: "client_error", message: redact(`WooCommerce request failed: ${msg}`) }),
      retryable: false,
    }
  }

  async function get(endpoint: string, params: Params): Promise<{ data: unknown; headers: Record<string, unknown>; path: string }> {
    const path = apiPath(endpoint, params)
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await api.get(endpoint, params)
        const contentType = String((res.headers as Record<string, unknown>)?.["content-type"] ?? "")
        if (typeof res.data === "string" || (contentType && !/json/i.test(contentType))) {
          throw new WooImportError({
            code: "invalid_response",
            method: "GET",
            path,
            attempts: attempt,
            message: redact(
              `The answer from ${shopUrl}${path.split("?")[0]} is not WooCommerce JSON (content-type "${contentType || "unknown"}"). Check the shop URL and that the REST API is reachable.`
            ),
          })
        }
        return { data: res.data, headers: (res.headers ?? {}) as Record<string, unknown>, path }
      } catch (err) {
        if (err instanceof WooImportError) throw err
        const { error, retryable, retryAfterMs } = errorFor(err, path, attempt)
        if (!retryable || attempt > maxRetries) throw error
        if (retryAfterMs !== undefined && retryAfterMs > maxDelayMs) {
          throw new WooImportError({
            method: "GET",
            path,
            attempts: attempt,
            status: error.status,
            code: error.code,
            retryable: true,
            message: redact(
              `WooCommerce asked to wait ${Math.ceil(retryAfterMs / 1000)} s before retrying ${path.split("?")[0]} (more than the configured maximum of ${Math.ceil(maxDelayMs / 1000)} s). Try again later.`
            ),
          })
        }
        const delay = retryDelay(attempt, { baseMs, maxMs: maxDelayMs, retryAfterMs, random: config.random })
        log(
          "warn",
          `WooCommerce GET ${path} failed (${error.status ?? error.code}); retry ${attempt} of ${maxRetries} in ${delay} ms` +
            (retryAfterMs !== undefined ? ` (Retry-After ${Math.ceil(retryAfterMs / 1000)} s)` : "")
        )
        await sleep(delay)
      }
    }
  }

  function headerInt(headers: Record<string, unknown>, name: string): number | undefined {
    const v = headers[name] ?? headers[name.toLowerCase()]
    const s = Array.isArray(v) ? v[0] : v
    if (typeof s !== "string" && typeof s !== "number") return undefined
    const n = Number(String(s).trim())
    return Number.isInteger(n) && n >= 0 ? n : undefined
  }

  function asArray(data: unknown, path: string): unknown[] {
    if (!Array.isArray(data)) {
      throw new WooImportError({
        code: "invalid_response",
        method: "GET",
        path,
        message: `WooCommerce returned ${data === null ? "null" : typeof data} instead of a list for ${path.split("?")[0]}.`,
      })
    }
    return data
  }

  function orderParams(o: ListOrdersOptions): Params {
    const perPage = o.perPage ?? MAX_PER_PAGE
    const page = o.page ?? 1
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
      throw new WooImportError({ code: "invalid_argument", message: `perPage must be an integer from 1 to ${MAX_PER_PAGE} (got ${perPage}).` })
    }
    if (!Number.isInteger(page) || page < 1) {
      throw new WooImportError({ code: "invalid_argument", message: `page must be an integer ≥ 1 (got ${page}).` })
    }
    const params: Params = { page, per_page: perPage, orderby: o.orderby ?? "id", order: o.order ?? "asc" }
    const statuses = (Array.isArray(o.status) ? o.status : o.status ? [o.status] : []).map((s) => s.trim().replace(/^wc-/, "")).filter(Boolean)
    if (statuses.length) params.status = statuses.join(",")
    let gmt = o.datesAreGmt
    const dates: Array<[string, WooDateInput | undefined]> = [
      ["after", o.after],
      ["before", o.before],
      ["modified_after", o.modifiedAfter],
      ["modified_before", o.modifiedBefore],
    ]
    for (const [k, v] of dates) {
      if (v === undefined) continue
      if (v instanceof Date) gmt = true
      params[k] = toWooDate(v)
    }
    if (gmt !== undefined) params.dates_are_gmt = gmt ? "true" : "false"
    if (o.include?.length) params.include = o.include.join(",")
    return params
  }

  async function listOrdersPage(options: ListOrdersOptions = {}): Promise<WooOrdersPage> {
    const params = orderParams(options)
    const { data, headers, path } = await get("orders", params)
    const raw = asArray(data, path)
    const orders: WooOrder[] = []
    const rejected: WooOrdersPage["rejected"] = []
    for (const item of raw) {
      const r = WooOrderSchema.safeParse(item)
      if (r.success) orders.push(r.data)
      else {
        const id = item && typeof item === "object" ? (item as { id?: unknown }).id : undefined
        rejected.push({ id, reason: `not a valid WooCommerce order (${describeZodError(r.error)})` })
        log("warn", `WooCommerce order ${String(id)} skipped: ${describeZodError(r.error)}`)
      }
    }
    const page = params.page as number
    const perPage = params.per_page as number
    const total = headerInt(headers, "x-wp-total")
    const totalPages = headerInt(headers, "x-wp-totalpages")
    if (total === undefined || totalPages === undefined) {
      return {
        page,
        perPage,
        orders,
        rejected,
        total: (page - 1) * perPage + raw.length,
        totalPages: raw.length >= perPage ? page + 1 : page,
        estimated: true,
      }
    }
    return { page, perPage, orders, rejected, total, totalPages }
  }

  async function* iterateOrders(options: Omit<ListOrdersOptions, "page"> & { startPage?: number } = {}): AsyncGenerator<WooOrdersPage> {
    const { startPage, ...rest } = options
    const seen = new Set<number>()
    for (let page = startPage ?? 1; ; page++) {
      const res = await listOrdersPage({ ...rest, page })
      const rawCount = res.orders.length + res.rejected.length
      // Offset paging: an order inserted/removed during the walk can shift one
      // onto the next page; never hand out the same order twice.
      const fresh = res.orders.filter((o) => !seen.has(o.id))
      for (const o of fresh) seen.add(o.id)
      yield { ...res, orders: fresh }
      if (rawCount === 0 || page >= res.totalPages) return
    }
  }

  async function getOrder(orderId: number): Promise<WooOrder> {
    const { data, path } = await get(`orders/${encodeURIComponent(String(orderId))}`, {})
    const r = WooOrderSchema.safeParse(data)
    if (!r.success) {
      throw new WooImportError({ code: "invalid_response", method: "GET", path, message: `WooCommerce order ${orderId} is not valid: ${describeZodError(r.error)}` })
    }
    return r.data
  }

  async function listRefunds(orderId: number): Promise<WooRefund[]> {
    const out: WooRefund[] = []
    for (let page = 1; ; page++) {
      const { data, headers, path } = await get(`orders/${encodeURIComponent(String(orderId))}/refunds`, { page, per_page: MAX_PER_PAGE })
      const raw = asArray(data, path)
      for (const item of raw) {
        const r = WooRefundSchema.safeParse(item)
        if (!r.success) {
          throw new WooImportError({ code: "invalid_response", method: "GET", path, message: `A refund of WooCommerce order ${orderId} is not valid: ${describeZodError(r.error)}` })
        }
        out.push(r.data)
      }
      const totalPages = headerInt(headers, "x-wp-totalpages") ?? (raw.length >= MAX_PER_PAGE ? page + 1 : page)
      if (raw.length === 0 || page >= totalPages) return out
    }
  }

  async function listNotes(orderId: number): Promise<WooNote[]> {
    const { data, path } = await get(`orders/${encodeURIComponent(String(orderId))}/notes`, { type: "any" })
    return asArray(data, path).map((item) => {
      const r = WooNoteSchema.safeParse(item)
      if (!r.success) {
        throw new WooImportError({ code: "invalid_response", method: "GET", path, message: `A note of WooCommerce order ${orderId} is not valid: ${describeZodError(r.error)}` })
      }
      return r.data
    })
  }

  async function enrichOrders(orders: readonly WooOrder[], options: EnrichOptions = {}): Promise<WooOrderWithDetails[]> {
    const refundsMode = options.refunds ?? "when-listed"
    const withNotes = options.notes ?? true
    let fatal: unknown
    const guarded = <T>(fn: () => Promise<T>, fallback: T) =>
      limit(async () => {
        if (fatal) return fallback // a fatal error already happened: do not start more requests
        return fn()
      })
    const results = orders.map(async (order): Promise<WooOrderWithDetails> => {
      const wantRefunds = refundsMode === "always" || (refundsMode === "when-listed" && order.refunds.length > 0)
      try {
        const [refunds, notes] = await Promise.all([
          wantRefunds ? guarded(() => listRefunds(order.id), [] as WooRefund[]) : Promise.resolve([] as WooRefund[]),
          withNotes ? guarded(() => listNotes(order.id), [] as WooNote[]) : Promise.resolve([] as WooNote[]),
        ])
        return { order, refunds, notes }
      } catch (e) {
        if (e instanceof WooImportError && e.status === 404) {
          log("warn", `WooCommerce order ${order.id} vanished while reading its details: ${e.message}`)
          return { order, refunds: [], notes: [], error: e }
        }
        fatal = fatal ?? e
        throw e
      }
    })
    const settled = await Promise.allSettled(results)
    if (fatal) throw fatal
    return settled.map((s) => {
      if (s.status === "fulfilled") return s.value
      throw s.reason
    })
  }

  return { listOrdersPage, iterateOrders, getOrder, listRefunds, listNotes, enrichOrders }
}
