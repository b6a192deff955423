/**
 * Klarna facts recorded on a WooCommerce order by the Klarna plugins.
 *
 * Order id, in order of trust (as Klarna Order Management for WooCommerce reads it):
 *   1. `transaction_id`, when it is a UUID (KCO/KP set it at `payment_complete`;
 *      the legacy gateway overwrote it with an invoice number, hence the UUID check);
 *   2. the `_wc_klarna_order_id` meta (also set for KCO fraud-PENDING orders whose
 *      `transaction_id` is still empty), then the legacy `_klarna_order_id`;
 *   3. the order notes: "Payment via Klarna Payments, order ID: …",
 *      "Payment via Kustom Checkout / Klarna Checkout, order ID: …".
 * Meta is always looked up by KEY, never by meta id, and the last non-empty value wins.
 *
 * Only whitelisted values are copied; per-order credentials
 * (`_wc_klarna_shared_secret`, `_wc_klarna_merchant_id`), tokens and session
 * payloads are never read into the result.
 */
import type { KlarnaPaymentMethod } from "../klarna/types/payment-data"
import { resolveKlarnaPaymentMethod } from "../klarna/decisions/payment-method"
import { isKlarnaPaymentMethodId, KLARNA_WOO_PAYMENT_METHODS } from "./klarna-payment-methods"
import { getMetaString } from "./woo-meta"
import type { WooNote, WooOrder } from "./woo-schemas"

export type KlarnaRegion = "eu" | "na" | "oc"
export type KlarnaEnvironment = "playground" | "live"
export type KlarnaOrderIdSource = "transaction_id" | "meta" | "notes"

export interface KlarnaOrderData {
  /** Klarna/Kustom order id (UUID); undefined when none was found. */
  klarna_order_id?: string
  /** Where `klarna_order_id` came from; undefined when there is none. */
  source?: KlarnaOrderIdSource
  /** First capture id (`_wc_klarna_capture_id`, else the "Capture ID: …" note); `trial` is ignored. */
  capture_id?: string
  environment: KlarnaEnvironment | undefined
  /** `_wc_klarna_country` (KCO: store base country; KP: purchase country or `EU`), upper case. */
  country?: string
  region?: KlarnaRegion
  payment_method: KlarnaPaymentMethod
  /** The WooCommerce gateway id (`kco`, `klarna_payments`, …). */
  woo_payment_method: string
  /** Legacy gateway: read-only history, no order-management calls. */
  legacy: boolean
  /** `_wc_klarna_cancelled` = yes. */
  cancelled_in_klarna?: boolean
  /** `_kom_disconnect` = 1: order management was switched off for this order in WooCommerce. */
  om_disconnected?: boolean
  /** Legacy references (reservation / invoice number) for read-only history. */
  legacy_reference?: { reservation?: string; invoice_number?: string }
  warnings: string[]
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const UUID_IN_TEXT = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
const NOTE_ORDER_ID = new RegExp(`\\b(?:Klarna|Kustom)\\b[^\\n]{0,80}?\\border\\s+ID\\s*[:#]?\\s*${UUID_IN_TEXT}`, "i")
const NOTE_CAPTURE_ID = /\bCapture\s+ID\s*[:#]?\s*([0-9a-z][0-9a-z-]{5,})/i

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value.trim())
}

/** Notes come with `wc_price` HTML: strip tags and the common entities before matching. */
export function noteText(html: string | null | undefined): string {
  return (html ?? "")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;|&#160;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&times;/g, "×")
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ")
    .trim()
}

function regionForCountry(country: string): KlarnaRegion {
  switch (country) {
    case "US":
    case "CA":
      return "na"
    case "AU":
    case "NZ":
      return "oc"
    default:
      return "eu"
  }
}

/**
 * Klarna Payments method from the KP meta `_kp_payment_method` (or the gateway
 * title "Klarna - {method}"). The plugin stores the category id on some
 * versions and the (localized) method name on others, so both are understood;
 * anything else falls back to pay_later (Klarna's default, the most
 * conservative toggle set) with a warning.
 */
const OVER_TIME = /over[\s_-]?time|slice|financ|finanz|raten|delbetal|dela upp|del betalingen|osamaksu|erissä|gespreid|in\s?parts?|pay[\s_-]?in[\s_-]?\d|fixed[\s_-]?amount|account/i
const LATER = /later|senare|senere|später|myöhemmin|achteraf|invoice|faktura|rechnung|lasku|deferred/i
const NOW = /pay[\s_-]?now|betala nu|betal nu|betal nå|maksa nyt|sofort|jetzt bezahlen|direct[\s_-]?(?:debit|bank)|direkt|card|kort|swish|nu betalen/i

function kpMethodFromText(text: string): KlarnaPaymentMethod | undefined {
  const t = text.trim()
  if (!t) return undefined
  const lower = t.toLowerCase()
  if (["pay_later", "pay_over_time", "pay_now", "direct_debit", "direct_bank_transfer"].includes(lower)) {
    return resolveKlarnaPaymentMethod({ category: lower })
  }
  if (OVER_TIME.test(t)) return "pay_over_time"
  if (LATER.test(t)) return "pay_later"
  if (NOW.test(t)) return "pay_now"
  return undefined
}

function paymentMethodFor(order: WooOrder, warnings: string[]): KlarnaPaymentMethod {
  switch (order.payment_method) {
    case "kco":
    case "klarna_checkout":
      return resolveKlarnaPaymentMethod({ isCheckout: true })
    case "klarna_invoice":
      return "pay_later"
    case "klarna_part_payment":
      return "pay_over_time"
    case "klarna_payments": {
      const meta = getMetaString(order.meta_data, "_kp_payment_method")
      const fromMeta = meta ? kpMethodFromText(meta) : undefined
      if (fromMeta) return fromMeta
      const title = (order.payment_method_title ?? "").replace(/^\s*(?:Klarna|Kustom)\s*[-–:]\s*/i, "")
      const fromTitle = title !== (order.payment_method_title ?? "") ? kpMethodFromText(title) : undefined
      if (fromTitle) return fromTitle
      warnings.push(
        `Klarna Payments method not recognised (${meta ? `_kp_payment_method "${meta}"` : "no _kp_payment_method meta"}); treated as pay later`
      )
      return "pay_later"
    }
    default:
      warnings.push(`payment method "${order.payment_method ?? ""}" is not a Klarna payment method`)
      return "pay_later"
  }
}

function idFromNotes(notes: readonly WooNote[], pattern: RegExp, warnings: string[], what: string): string | undefined {
  const found: string[] = []
  for (const n of notes) {
    const m = pattern.exec(noteText(n?.note))
    if (m && !found.some((f) => f.toLowerCase() === m[1].toLowerCase())) found.push(m[1])
  }
  if (found.length > 1) {
    // Notes come newest first; the payment/first-capture note is the oldest one.
    warnings.push(`order notes name ${found.length} different Klarna ${what}s; using the oldest (${found[found.length - 1]})`)
  }
  return found.length ? found[found.length - 1] : undefined
}

export function extractKlarnaData(order: WooOrder, notes: readonly WooNote[] = []): KlarnaOrderData {
  const warnings: string[] = []
  const meta = order.meta_data
  const wooMethod = order.payment_method ?? ""
  const legacy = isKlarnaPaymentMethodId(wooMethod) ? KLARNA_WOO_PAYMENT_METHODS[wooMethod].legacy : false

  // --- order id -----------------------------------------------------------
  const transactionId = (order.transaction_id ?? "").trim()
  const metaId = getMetaString(meta, "_wc_klarna_order_id") ?? getMetaString(meta, "_klarna_order_id")
  let klarnaOrderId: string | undefined
  let source: KlarnaOrderIdSource | undefined

  if (isUuid(transactionId)) {
    klarnaOrderId = transactionId
    source = "transaction_id"
    if (metaId && metaId.toLowerCase() !== transactionId.toLowerCase()) {
      warnings.push(`transaction_id ${transactionId} differs from the Klarna order id meta ${metaId}; using transaction_id`)
    }
  } else {
    if (transactionId && !legacy) {
      warnings.push(`transaction_id "${transactionId}" is not a Klarna order id (not a UUID)`)
    }
    if (metaId) {
      klarnaOrderId = metaId
      source = "meta"
      if (!isUuid(metaId)) warnings.push(`Klarna order id meta "${metaId}" is not a UUID`)
    } else {
      const fromNotes = idFromNotes(notes, NOTE_ORDER_ID, warnings, "order id")
      if (fromNotes) {
        klarnaOrderId = fromNotes
        source = "notes"
        warnings.push("Klarna order id recovered from the order notes (no transaction_id or _wc_klarna_order_id)")
      }
    }
  }
  if (!klarnaOrderId && !legacy) warnings.push("no Klarna order id found (transaction_id, _wc_klarna_order_id, notes)")

  // --- capture id ---------------------------------------------------------
  let captureId = getMetaString(meta, "_wc_klarna_capture_id")
  if (captureId && captureId.toLowerCase() === "trial") {
    warnings.push('capture id "trial" (subscription trial) is not a Klarna capture; ignored')
    captureId = undefined
  }
  if (!captureId && !legacy) {
    const fromNotes = idFromNotes(notes, NOTE_CAPTURE_ID, warnings, "capture id")
    if (fromNotes) {
      captureId = fromNotes
      warnings.push("Klarna capture id recovered from the order notes")
    }
  }

  // --- environment --------------------------------------------------------
  const envRaw = getMetaString(meta, "_wc_klarna_environment")?.toLowerCase()
  let environment: KlarnaEnvironment | undefined
  if (envRaw === "live" || envRaw === "production") environment = "live"
  else if (envRaw === "test" || envRaw === "playground") environment = "playground"
  else if (envRaw) warnings.push(`unknown _wc_klarna_environment "${envRaw}"`)
  else if (!legacy) warnings.push("no _wc_klarna_environment meta; environment unknown")

  // --- country / region ---------------------------------------------------
  const countryRaw = (getMetaString(meta, "_wc_klarna_country") ?? getMetaString(meta, "_klarna_credentials_country"))?.toUpperCase()
  let country: string | undefined
  let region: KlarnaRegion | undefined
  if (countryRaw && /^[A-Z]{2}$/.test(countryRaw)) {
    country = countryRaw
    region = regionForCountry(countryRaw) // "EU" (KP combined EU credentials) → eu
  } else {
    if (countryRaw) warnings.push(`unknown Klarna country "${countryRaw}"`)
    const billing = (order.billing?.country ?? "").trim().toUpperCase()
    if (/^[A-Z]{2}$/.test(billing)) {
      region = regionForCountry(billing)
      if (!legacy) warnings.push(`no _wc_klarna_country meta; Klarna region "${region}" guessed from the billing country ${billing}`)
    }
  }

  const result: KlarnaOrderData = {
    environment,
    payment_method: paymentMethodFor(order, warnings),
    woo_payment_method: wooMethod,
    legacy,
    warnings,
  }
  if (klarnaOrderId) {
    result.klarna_order_id = klarnaOrderId
    result.source = source
  }
  if (captureId) result.capture_id = captureId
  if (country) result.country = country
  if (region) result.region = region
  if (getMetaString(meta, "_wc_klarna_cancelled")?.toLowerCase() === "yes") result.cancelled_in_klarna = true
  const disconnect = getMetaString(meta, "_kom_disconnect")
  if (disconnect === "1" || disconnect?.toLowerCase() === "yes") result.om_disconnected = true
  if (legacy) {
    const reservation = getMetaString(meta, "_klarna_order_reservation")
    // The legacy gateway wrote the invoice number into transaction_id as well.
    const transactionId = typeof order.transaction_id === "string" ? order.transaction_id.trim() : ""
    const invoice = getMetaString(meta, "_klarna_invoice_number") ?? (transactionId && !isUuid(transactionId) ? transactionId : undefined)
    if (reservation || invoice) {
      result.legacy_reference = {}
      if (reservation) result.legacy_reference.reservation = reservation
      if (invoice) result.legacy_reference.invoice_number = invoice
    }
  }
  return result
}
