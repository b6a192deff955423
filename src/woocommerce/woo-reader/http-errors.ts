/**
 * A failed request (axios error, network error, anything thrown) → a
 * `WooImportError` whose message says what to check, and whether to retry.
 * Only WooCommerce's own error texts (`woocommerce_rest_*`, `rest_*` codes)
 * are quoted; messages go through `redact`, so they never hold the key, the
 * secret or a signed URL.
 */
import { isRetryableNetworkCode, isRetryableStatus, parseRetryAfter } from "../retry-policy"
import { PRIVATE_ADDRESS_CODE } from "../shop-host-guard"
import { isWooCommerceErrorCode, WooImportError } from "../woo-import-error"
import { WooErrorBodySchema } from "../woo-schemas"

export interface WooErrorContext {
  /** The checked shop base URL. */
  shopUrl: string
  isHttps: boolean
  timeoutMs: number
  redact: (text: string) => string
}

export interface MappedWooError {
  error: WooImportError
  retryable: boolean
  /** From `Retry-After`, when the answer had one. */
  retryAfterMs?: number
}

/** HTML → one line of plain text, at most `max` characters. */
export function plainText(s: string, max = 300): string {
  const t = s.replace(/<[^>]*>/g, " ").replace(/&nbsp;/g, " ").replace(/\s+/g, " ").trim()
  return t.length > max ? `${t.slice(0, max - 1)}…` : t
}

type FailedRequest = {
  isAxiosError?: boolean
  response?: { status: number; data?: unknown; headers?: Record<string, unknown> }
  code?: string
  message?: string
}

export function wooErrorFor(err: unknown, path: string, attempts: number, ctx: WooErrorContext): MappedWooError {
  const e = err as FailedRequest
  if (e && e.response && typeof e.response.status === "number") return fromAnswer(e.response, path, attempts, ctx)
  if (e && (e.isAxiosError || typeof e.code === "string")) return fromNetworkError(e, path, attempts, ctx)
  const msg = e && typeof e.message === "string" ? e.message : String(err)
  return {
    error: new WooImportError({ method: "GET", path, attempts, code: "client_error", message: ctx.redact(`WooCommerce request failed: ${msg}`) }),
    retryable: false,
  }
}

/** The shop answered with an error status. */
function fromAnswer(response: NonNullable<FailedRequest["response"]>, path: string, attempts: number, ctx: WooErrorContext): MappedWooError {
  const status = response.status
  // Only WooCommerce's own errors are quoted: any other server's text (a proxy, a local service) is not shown.
  const parsed = WooErrorBodySchema.safeParse(response.data)
  const woo = parsed.success && isWooCommerceErrorCode(parsed.data.code) ? parsed.data : undefined
  const wooCode = woo?.code
  const wooMsg = woo?.message ? plainText(woo.message) : undefined
  const retryable = isRetryableStatus(status)
  const retryAfterMs = parseRetryAfter(response.headers?.["retry-after"])
  const message = statusMessage({ status, wooCode, said: wooMsg ? ` WooCommerce said: "${wooMsg}"` : "", path, attempts, location: response.headers?.["location"] }, ctx)
  const details = woo?.data && woo.data.params !== undefined ? woo.data.params : undefined
  return {
    error: new WooImportError({
      method: "GET",
      path,
      attempts,
      status,
      code: wooCode ?? (status === 429 ? "rate_limited" : `http_${status}`),
      message: ctx.redact(message),
      retryable,
      details,
    }),
    retryable,
    retryAfterMs,
  }
}

interface AnswerFacts {
  status: number
  /** Set only for WooCommerce's own error codes. */
  wooCode: string | undefined
  /** ` WooCommerce said: "…"`, or "". */
  said: string
  path: string
  attempts: number
  location: unknown
}

/** What to tell the admin about an error status (not yet redacted). */
export function statusMessage({ status, wooCode, said, path, attempts, location }: AnswerFacts, { shopUrl, isHttps }: WooErrorContext): string {
  const endpoint = path.split("?")[0]
  const notWoo = (after = "") => `The shop answered HTTP ${status} for ${endpoint}${after}; it is not a WooCommerce REST API response.`
  if (status === 401 || status === 403) {
    if (wooCode && /authentication|consumer|signature|nonce|timestamp/.test(wooCode)) {
      return `WooCommerce rejected the API credentials (${status}).${said} Check the consumer key and consumer secret (WooCommerce → Settings → Advanced → REST API).`
    }
    if (wooCode === "woocommerce_rest_cannot_view") {
      return (
        `The WooCommerce API key may not read orders (${status}).${said} Use a key with Read permission whose user can manage WooCommerce.` +
        (isHttps ? "" : " Over plain http WooCommerce only accepts OAuth 1.0a; a proxy that drops query parameters causes this error too.")
      )
    }
    return `WooCommerce refused access (${status}${wooCode ? ` ${wooCode}` : ""}).${said} A firewall or security plugin may be blocking the REST API.`
  }
  if (status === 404) {
    if (wooCode === "rest_no_route") {
      return `The WooCommerce REST API (wc/v3) was not found at ${shopUrl} (${endpoint}). Check the shop URL and that WooCommerce is active.`
    }
    return wooCode ? `Not found in WooCommerce: ${endpoint} (404 ${wooCode}).${said}` : `${notWoo()} Check the shop URL and that WooCommerce is active.`
  }
  if (status === 400) return wooCode ? `WooCommerce rejected the request ${endpoint} (400 ${wooCode}).${said}` : notWoo()
  if (status === 429) {
    return `WooCommerce (or its host) is rate limiting the import: still 429 after ${attempts} attempt(s). Lower the concurrency or try again later.`
  }
  if (status >= 500) return wooCode ? `WooCommerce answered ${status} ${wooCode} for ${endpoint} after ${attempts} attempt(s).${said}` : notWoo(` after ${attempts} attempt(s)`)
  if (status >= 300 && status < 400) {
    let target = ""
    try {
      target = new URL(String(location ?? ""), shopUrl).origin // only where to, not the rest of the remote's text
    } catch {
      /* no usable Location */
    }
    return `WooCommerce redirected ${endpoint} (${status})${target && target !== "null" ? ` to ${target}` : ""}; redirects are not followed. Use the final address (often https://) as the shop URL.`
  }
  return wooCode ? `Unexpected answer ${status} from WooCommerce for ${endpoint}.${said}` : notWoo()
}

/** No answer: timeout, connection error, or the private-address guard refused the connection. */
function fromNetworkError(e: FailedRequest, path: string, attempts: number, { shopUrl, timeoutMs, redact }: WooErrorContext): MappedWooError {
  const base = { method: "GET", path, attempts }
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
