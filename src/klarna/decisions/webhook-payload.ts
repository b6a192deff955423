export interface KlarnaNotice {
  order_id: string
  event_type?: string
  event_id?: string
}

/** Klarna order ids are UUIDs; anything else is refused before Klarna is asked about it. */
const KLARNA_ORDER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Printable ASCII only: these fields are logged, never acted on. */
const PLAIN_FIELD = /^[\x20-\x7e]{1,100}$/

const plain = (v: unknown) => (typeof v === "string" && PLAIN_FIELD.test(v) ? v : undefined)

/**
 * Reads the Klarna order id from a notification (`{order_id, event_type,
 * event_id?}`, sent to merchant_urls.notification for fraud decisions) or a
 * push (`{klarna_order_id}`). Anything else is not Klarna's. Nothing in a
 * notification is trusted beyond naming the order: it is unsigned.
 */
export function parseKlarnaWebhook(body: unknown): KlarnaNotice | undefined {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return undefined
  }
  const b = body as Record<string, unknown>
  const id = b.order_id ?? b.klarna_order_id
  if (typeof id !== "string" || !KLARNA_ORDER_ID.test(id)) {
    return undefined
  }
  const notice: KlarnaNotice = { order_id: id.toLowerCase() }
  const eventType = plain(b.event_type)
  const eventId = plain(b.event_id)
  if (eventType) notice.event_type = eventType
  if (eventId) notice.event_id = eventId
  return notice
}
