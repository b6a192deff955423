export type KlarnaRegion = "eu" | "na" | "oc"
export type KlarnaEnvironment = "playground" | "live"
/** "payments" = Klarna Payments + Order Management at klarna.com; "checkout" = Klarna Checkout, now run by Kustom. */
export type KlarnaProduct = "payments" | "checkout"

export interface KlarnaBaseUrlOptions {
  region: KlarnaRegion
  environment: KlarnaEnvironment
  product?: KlarnaProduct
  /** Explicit override (e.g. a local simulator); wins over region/environment. */
  baseUrl?: string
}

const REGION_SUFFIX: Record<KlarnaRegion, string> = { eu: "", na: "-na", oc: "-oc" }
const PRODUCT_DOMAIN: Record<KlarnaProduct, string> = { payments: "klarna.com", checkout: "kustom.co" }

/**
 * Base URL without a trailing slash, e.g. `https://api-na.playground.klarna.com`.
 * Throws on an unknown region/environment/product or an unusable explicit URL.
 */
export function resolveKlarnaBaseUrl(options: KlarnaBaseUrlOptions): string {
  if (options.baseUrl !== undefined) {
    return normalizeExplicitBaseUrl(options.baseUrl)
  }
  const product = options.product ?? "payments"
  if (!(options.region in REGION_SUFFIX)) {
    throw new Error(`Unknown Klarna region "${String(options.region)}" (expected eu, na or oc)`)
  }
  if (options.environment !== "playground" && options.environment !== "live") {
    throw new Error(`Unknown Klarna environment "${String(options.environment)}" (expected playground or live)`)
  }
  if (!(product in PRODUCT_DOMAIN)) {
    throw new Error(`Unknown Klarna product "${String(product)}" (expected payments or checkout)`)
  }
  const env = options.environment === "playground" ? ".playground" : ""
  return `https://api${REGION_SUFFIX[options.region]}${env}.${PRODUCT_DOMAIN[product]}`
}

function normalizeExplicitBaseUrl(raw: string): string {
  const trimmed = typeof raw === "string" ? raw.trim().replace(/\/+$/, "") : ""
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    throw new Error("Klarna baseUrl is not a valid absolute URL")
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error("Klarna baseUrl must use http or https")
  }
  // The URL is logged and shown in errors; credentials belong in username/password/apiKey.
  // The message deliberately does not echo the URL.
  if (url.username || url.password) {
    throw new Error("Klarna baseUrl must not contain credentials; use the username/password or apiKey options")
  }
  if (url.search || url.hash) {
    throw new Error("Klarna baseUrl must not contain a query string or fragment")
  }
  return trimmed
}

/**
 * The inverse of `resolveKlarnaBaseUrl`: which Klarna (or Kustom) API a base
 * URL is, or `null` for anything else (e.g. the local simulator).
 */
export function describeKlarnaBaseUrl(baseUrl: string): Required<Omit<KlarnaBaseUrlOptions, "baseUrl">> | null {
  for (const region of Object.keys(REGION_SUFFIX) as KlarnaRegion[]) {
    for (const environment of ["playground", "live"] as KlarnaEnvironment[]) {
      for (const product of Object.keys(PRODUCT_DOMAIN) as KlarnaProduct[]) {
        if (resolveKlarnaBaseUrl({ region, environment, product }) === baseUrl.replace(/\/+$/, "")) {
          return { region, environment, product }
        }
      }
    }
  }
  return null
}
