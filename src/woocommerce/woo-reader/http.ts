/**
 * The reader's HTTP layer: read-only GETs to the WooCommerce REST API v3,
 * built on the official `@woocommerce/woocommerce-rest-api` client:
 *  - `http://` shop URL → OAuth 1.0a one-legged (HMAC-SHA256, parameters in the
 *    query string), the only scheme WooCommerce accepts over plain HTTP;
 *  - `https://` shop URL → HTTP Basic (`queryStringAuth: true` sends the key in
 *    the query string instead, for hosts that strip the Authorization header).
 * Each attempt goes through the client again, so a retry gets a fresh OAuth
 * nonce and timestamp. Redirects are not followed; with `blockPrivateAddresses`
 * every connection goes through the public-only agents of shop-host-guard.ts.
 *
 * Errors are `WooImportError`s whose messages and fields never contain the
 * consumer key or secret (nor the signed URL).
 */
import WooCommerceRestApi from "@woocommerce/woocommerce-rest-api"
import { ipLiteral, isPrivateAddress } from "../private-address"
import { retryDelay } from "../retry-policy"
import { publicOnlyAgents } from "../shop-host-guard"
import { checkShopUrl } from "../shop-url"
import { WooImportError } from "../woo-import-error"
import { wooErrorFor } from "./http-errors"
import type { WooReaderConfig, WooReaderLogger } from "./types"

export type Params = Record<string, string | number>

export interface WooResponse {
  data: unknown
  headers: Record<string, unknown>
  /** The API path with our query parameters (never the signed URL). */
  path: string
}

export interface WooHttp {
  /** GET `/wp-json/wc/v3/{endpoint}`, retried per the retry policy; the data is not checked beyond being JSON. */
  get(endpoint: string, params: Params): Promise<WooResponse>
  /** To the configured logger, redacted. */
  log(level: keyof WooReaderLogger, message: string): void
}

/** Removes the consumer key and secret (also URL-encoded) and every OAuth / key query parameter from a text. */
export function createRedactor(consumerKey: string, consumerSecret: string): (text: string) => string {
  const secrets = [consumerKey, consumerSecret].filter((s): s is string => typeof s === "string" && s.length >= 4)
  return (text) => {
    // Signed URLs never belong in a message: drop OAuth / key query parameters wholesale.
    let out = text.replace(/\b(oauth_[a-z_]+|consumer_key|consumer_secret)=[^&\s"']*/gi, "$1=[redacted]")
    for (const s of secrets) {
      for (const form of new Set([s, encodeURIComponent(s)])) out = out.split(form).join("[redacted]")
    }
    return out
  }
}

/** `/wp-json/wc/v3/{endpoint}?{params}`: the path used in messages and errors. */
export function apiPath(endpoint: string, params: Params): string {
  const qs = Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join("&")
  return `/wp-json/wc/v3/${endpoint}${qs ? `?${qs}` : ""}`
}

/** A non-negative integer header (X-WP-Total, X-WP-TotalPages), or undefined. */
export function headerInt(headers: Record<string, unknown>, name: string): number | undefined {
  const v = headers[name] ?? headers[name.toLowerCase()]
  const s = Array.isArray(v) ? v[0] : v
  if (typeof s !== "string" && typeof s !== "number") return undefined
  const n = Number(String(s).trim())
  return Number.isInteger(n) && n >= 0 ? n : undefined
}

/** The answer as a list, or an `invalid_response` error. */
export function asArray(data: unknown, path: string): unknown[] {
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

/** The checked shop URL; refuses a bad URL, an IP-literal private host (with `blockPrivateAddresses`) and missing credentials. */
function checkedShopUrl(config: WooReaderConfig, redact: (text: string) => string): string {
  const checked = checkShopUrl(config.url)
  if (!checked.ok) {
    throw new WooImportError({ code: "invalid_argument", message: redact(checked.reason) })
  }
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
  return checked.url
}

/** The REST client: OAuth 1.0a over http, Basic (or query-string keys) over https; no redirects; public-only agents when asked. */
function restClient(config: WooReaderConfig, shopUrl: string, isHttps: boolean, timeoutMs: number, redact: (text: string) => string): WooCommerceRestApi {
  try {
    return new WooCommerceRestApi({
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
}

/** Throws `invalid_argument` / `private_address` for a configuration it will not use. */
export function createWooHttp(config: WooReaderConfig): WooHttp {
  const redact = createRedactor(config.consumerKey, config.consumerSecret)
  const log = (level: keyof WooReaderLogger, message: string) => config.logger?.[level]?.(redact(message))
  const shopUrl = checkedShopUrl(config, redact)
  const isHttps = /^https:/i.test(shopUrl)
  const timeoutMs = config.timeoutMs ?? 30_000
  const maxRetries = Math.max(0, config.maxRetries ?? 5)
  const baseMs = config.retryBaseDelayMs ?? 500
  const maxDelayMs = config.maxRetryDelayMs ?? 60_000
  const sleep = config.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const errorContext = { shopUrl, isHttps, timeoutMs, redact }
  const api = restClient(config, shopUrl, isHttps, timeoutMs, redact)

  /** One attempt: the answer, or an `invalid_response` error when it is not JSON. */
  async function attemptGet(endpoint: string, params: Params, path: string, attempt: number): Promise<WooResponse> {
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
  }

  async function get(endpoint: string, params: Params): Promise<WooResponse> {
    const path = apiPath(endpoint, params)
    for (let attempt = 1; ; attempt++) {
      try {
        return await attemptGet(endpoint, params, path, attempt)
      } catch (err) {
        if (err instanceof WooImportError) throw err
        const { error, retryable, retryAfterMs } = wooErrorFor(err, path, attempt, errorContext)
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

  return { get, log }
}
