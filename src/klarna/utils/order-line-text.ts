/** Klarna's text fields (name, reference) and URLs (product_url, image_url), cleaned and cut to Klarna's limits. */

export const KLARNA_MAX_TEXT = 255
export const KLARNA_MAX_URL = 1024

/** Cuts to `max` UTF-16 units without leaving half a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) {
    return text
  }
  let cut = text.slice(0, max)
  const last = cut.charCodeAt(cut.length - 1)
  if (last >= 0xd800 && last <= 0xdbff) {
    cut = cut.slice(0, -1)
  }
  return cut
}

/** A string with control characters (tabs, newlines) turned into spaces, trimmed; "" for a non-string. */
export function cleanText(value: unknown): string {
  if (typeof value !== "string") {
    return ""
  }
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim()
}

/** A line name of at most 255 characters, or `fallback` when nothing is left. */
export function lineName(value: unknown, fallback: string): string {
  const text = cleanText(value)
  const cut = truncate(text, KLARNA_MAX_TEXT).trim()
  return cut || fallback
}

/** The reference (else the id) cut to 255 characters, or undefined when both are blank. */
export function lineReference(reference: unknown, id: unknown): string | undefined {
  const ref = cleanText(reference) || cleanText(id)
  return ref ? truncate(ref, KLARNA_MAX_TEXT) : undefined
}

/** Absolute http(s) URL of at most 1024 characters, normalised, or undefined. */
export function klarnaUrl(value: unknown): string | undefined {
  if (typeof value !== "string") {
    return undefined
  }
  const text = value.trim()
  if (!text || text.length > KLARNA_MAX_URL * 3) {
    return undefined
  }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return undefined
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) {
    return undefined
  }
  const href = url.href
  return href.length <= KLARNA_MAX_URL ? href : undefined
}
