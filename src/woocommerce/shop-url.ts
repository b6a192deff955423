/**
 * The one check of a WooCommerce shop URL, shared by the admin route, the
 * command line and the reader. The REST client appends `/wp-json/wc/v3/…` to
 * the URL as a string, so anything but a plain http(s) base URL changes what
 * is requested: a `?` or `#` swallows the API path, userinfo sends other
 * credentials (and would be stored with the run), other schemes are not HTTP.
 */

export type ShopUrlCheck = { ok: true; url: string; hostname: string } | { ok: false; reason: string }

const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/

export function hasControlChars(value: string): boolean {
  return CONTROL_CHARS.test(value)
}

const EXAMPLE = "e.g. https://shop.example.se"

/** The normalized base URL (no trailing slash) or why it cannot be used. Never echoes the input. */
export function checkShopUrl(input: unknown): ShopUrlCheck {
  if (typeof input !== "string" || !input.trim()) {
    return { ok: false, reason: `The shop URL is required, ${EXAMPLE}.` }
  }
  if (hasControlChars(input)) {
    return { ok: false, reason: "The shop URL must not contain control characters (such as NUL, tab or line breaks)." }
  }
  const raw = input.trim()
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, reason: `The shop URL must be the shop's web address, ${EXAMPLE}.` }
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, reason: `The shop URL must start with http:// or https://, ${EXAMPLE}.` }
  }
  if (url.username || url.password) {
    return {
      ok: false,
      reason: "The shop URL must not contain a user name or password; the import signs in with the REST API consumer key and secret.",
    }
  }
  if (raw.includes("?")) {
    return { ok: false, reason: `The shop URL must not contain a query (?…); give the shop's base address, ${EXAMPLE}.` }
  }
  if (raw.includes("#")) {
    return { ok: false, reason: `The shop URL must not contain a fragment (#…); give the shop's base address, ${EXAMPLE}.` }
  }
  if (!url.hostname) {
    return { ok: false, reason: `The shop URL has no host name, ${EXAMPLE}.` }
  }
  // Serialized by the same parser (WHATWG) that axios uses to connect: what was checked is what is requested.
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, "")}`, hostname: url.hostname }
}
