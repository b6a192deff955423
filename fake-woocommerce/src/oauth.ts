/**
 * WooCommerce REST authentication as `WC_REST_Authentication` does it over
 * plain HTTP: OAuth 1.0a "one-legged" (consumer key + secret, no token),
 * parameters in the query string or an `Authorization: OAuth …` header,
 * HMAC-SHA1 or HMAC-SHA256 keyed with "{secret}&", timestamp no older than 15
 * minutes, nonces single-use. HTTP Basic is accepted as well (what WooCommerce
 * does over HTTPS). Keys sent as `consumer_key`/`consumer_secret` query
 * parameters authenticate nobody over HTTP (the request is then anonymous).
 */
import { createHmac, timingSafeEqual } from "node:crypto"
import type { Request } from "express"

export type AuthResult =
  | { ok: true; scheme: "oauth" | "basic" }
  | { ok: false; scheme: "oauth" | "basic" | "query" | "none"; status?: number; code?: string; message?: string }

const REQUIRED = ["oauth_consumer_key", "oauth_timestamp", "oauth_nonce", "oauth_signature", "oauth_signature_method"]
const WINDOW_S = 15 * 60

/** RFC 3986 percent-encoding (what rawurlencode and oauth-1.0a's percentEncode produce). */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "))
  } catch {
    return s
  }
}

/** Raw query string → [key, value] pairs, decoded like PHP's $_GET (keys kept with their brackets). */
export function rawQueryPairs(originalUrl: string): Array<[string, string]> {
  const i = originalUrl.indexOf("?")
  if (i < 0) return []
  return originalUrl
    .slice(i + 1)
    .split("&")
    .filter((p) => p.length > 0)
    .map((p) => {
      const eq = p.indexOf("=")
      return eq < 0 ? [decode(p), ""] : [decode(p.slice(0, eq)), decode(p.slice(eq + 1))]
    })
}

function oauthHeaderPairs(header: string | undefined): Array<[string, string]> {
  if (!header || !/^OAuth\s/i.test(header)) return []
  const out: Array<[string, string]> = []
  const re = /([a-z_]+)="([^"]*)"/gi
  let m: RegExpExecArray | null
  while ((m = re.exec(header))) {
    if (m[1].toLowerCase() !== "realm") out.push([decode(m[1]), decode(m[2])])
  }
  return out
}

/**
 * The query as PHP's `$_GET` sees it: a repeated key keeps its LAST value
 * (the official JS client sends every parameter twice over http, once in the
 * signed URL and once more appended by axios), `key[]` / `key[n]` build lists.
 */
export function phpQuery(originalUrl: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [k, v] of rawQueryPairs(originalUrl)) {
    const m = /^([^[\]]+)\[(\d*)\]$/.exec(k)
    if (m) {
      const prev = out[m[1]]
      const list = Array.isArray(prev) ? prev : []
      if (m[2] === "") list.push(v)
      else list[Number(m[2])] = v
      out[m[1]] = list
    } else {
      out[k] = v
    }
  }
  for (const [k, v] of Object.entries(out)) if (Array.isArray(v)) out[k] = v.filter((x) => x !== undefined)
  return out
}

/** OAuth 1.0a signature base string for a request. */
export function signatureBaseString(method: string, baseUrl: string, pairs: Array<[string, string]>): string {
  const normalized = pairs
    .filter(([k]) => k !== "oauth_signature")
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&")
  return `${method.toUpperCase()}&${percentEncode(baseUrl)}&${percentEncode(normalized)}`
}

export function sign(base: string, secret: string, method: "HMAC-SHA1" | "HMAC-SHA256"): string {
  return createHmac(method === "HMAC-SHA1" ? "sha1" : "sha256", `${percentEncode(secret)}&`)
    .update(base)
    .digest("base64")
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a)
  const bb = Buffer.from(b)
  return ab.length === bb.length && timingSafeEqual(ab, bb)
}

export class NonceStore {
  private used = new Map<string, number>()
  /** false when the nonce was already used within the window. */
  use(key: string, nonce: string, timestamp: number, now: number): boolean {
    for (const [k, ts] of this.used) if (ts < now - WINDOW_S) this.used.delete(k)
    const id = `${key}\u0000${nonce}`
    if (this.used.has(id)) return false
    this.used.set(id, timestamp)
    return true
  }
}

const authError = (message: string, code = "woocommerce_rest_authentication_error"): AuthResult => ({
  ok: false,
  scheme: "oauth",
  status: 401,
  code,
  message,
})

export function authenticate(
  req: Request,
  creds: { consumerKey: string; consumerSecret: string },
  nonces: NonceStore,
  now: number = Math.floor(Date.now() / 1000)
): AuthResult {
  // HTTP Basic.
  const header = req.headers.authorization
  if (header && /^Basic\s/i.test(header)) {
    const decoded = Buffer.from(header.replace(/^Basic\s+/i, ""), "base64").toString("utf8")
    const colon = decoded.indexOf(":")
    const key = colon < 0 ? decoded : decoded.slice(0, colon)
    const secret = colon < 0 ? "" : decoded.slice(colon + 1)
    if (!safeEqual(key, creds.consumerKey)) return { ...authError("Consumer key is invalid."), scheme: "basic" }
    if (!safeEqual(secret, creds.consumerSecret)) return { ...authError("Consumer secret is invalid."), scheme: "basic" }
    return { ok: true, scheme: "basic" }
  }

  // OAuth 1.0a (query string and/or Authorization: OAuth header).
  // Like WooCommerce: the parameters as PHP parsed them (a repeated key counts once, last value).
  const dedup = new Map<string, string>()
  for (const [k, v] of [...rawQueryPairs(req.originalUrl), ...oauthHeaderPairs(header)]) dedup.set(k, v)
  const pairs = [...dedup.entries()]
  const params = dedup
  const present = REQUIRED.filter((n) => (params.get(n) ?? "") !== "")
  if (present.length === 0) {
    const viaQuery = params.has("consumer_key") || params.has("consumer_secret")
    return { ok: false, scheme: viaQuery ? "query" : "none" } // anonymous: the permission check answers
  }
  const missing = REQUIRED.filter((n) => !present.includes(n))
  if (missing.length) {
    return authError(
      `Missing OAuth parameter${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
      "woocommerce_rest_authentication_missing_parameter"
    )
  }
  const key = params.get("oauth_consumer_key") as string
  if (!safeEqual(key, creds.consumerKey)) return authError("Consumer key is invalid.")

  const method = (params.get("oauth_signature_method") as string).toUpperCase()
  if (method !== "HMAC-SHA1" && method !== "HMAC-SHA256") return authError("Invalid signature - signature method is invalid.")
  const baseUrl = `${req.protocol}://${String(req.headers.host ?? "").toLowerCase()}${req.originalUrl.split("?")[0]}`
  const expected = sign(signatureBaseString(req.method, baseUrl, pairs), creds.consumerSecret, method)
  if (!safeEqual(expected, params.get("oauth_signature") as string)) {
    return authError("Invalid signature - provided signature does not match.")
  }
  const ts = Number(params.get("oauth_timestamp"))
  if (!Number.isFinite(ts) || ts < now - WINDOW_S) return authError("Invalid timestamp.")
  if (!nonces.use(key, params.get("oauth_nonce") as string, ts, now)) return authError("Invalid nonce - nonce has already been used.")
  return { ok: true, scheme: "oauth" }
}
