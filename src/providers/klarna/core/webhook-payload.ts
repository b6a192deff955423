export interface KlarnaNotice {
  order_id: string
  event_type?: string
}

/**
 * Reads the Klarna order id from a notification (`{order_id, event_type}`,
 * sent to merchant_urls.notification for fraud decisions) or a push
 * (`?klarna_order_id=` / `{klarna_order_id}`). Anything else is not Klarna's.
 */
export function parseKlarnaWebhook(body: unknown): KlarnaNotice | undefined {
  if (!body || typeof body !== "object") {
    return undefined
  }
  const b = body as Record<string, unknown>
  const id = b.order_id ?? b.klarna_order_id
  if (typeof id !== "string" || !/^[A-Za-z0-9-]{1,100}$/.test(id)) {
    return undefined
  }
  return { order_id: id, event_type: typeof b.event_type === "string" ? b.event_type : undefined }
}
