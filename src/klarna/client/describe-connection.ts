import { describeKlarnaBaseUrl, resolveKlarnaBaseUrl, type KlarnaEnvironment, type KlarnaProduct, type KlarnaRegion } from "./base-url"

const REGION_NAME: Record<KlarnaRegion, string> = { eu: "EU", na: "North America", oc: "Oceania" }

/**
 * One line naming the Klarna API a connection really talks to, for banners and settings:
 * "Klarna EU playground API (https://api.playground.klarna.com)", "Kustom EU live API (…)",
 * or "custom Klarna base URL http://…" for anything else (a proxy, the simulator).
 */
export function describeKlarnaConnection(options: {
  baseUrl?: string
  region?: string
  environment?: string
  product?: KlarnaProduct
}): string {
  const url = options.baseUrl
    ? options.baseUrl.trim().replace(/\/+$/, "")
    : resolveKlarnaBaseUrl({
        region: (options.region || "eu") as KlarnaRegion,
        environment: (options.environment || "playground") as KlarnaEnvironment,
        product: options.product,
      })
  const known = describeKlarnaBaseUrl(url)
  if (!known) return `custom ${options.product === "checkout" ? "Kustom" : "Klarna"} base URL ${url}`
  const brand = known.product === "checkout" ? "Kustom" : "Klarna"
  return `${brand} ${REGION_NAME[known.region]} ${known.environment} API (${url})`
}
