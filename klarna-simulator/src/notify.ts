/** Fills Klarna's merchant URL placeholders. */
export function expandUrl(template: string, ids: { sessionId?: string; orderId?: string }): string {
  let url = template
  if (ids.sessionId) url = url.split("{session.id}").join(encodeURIComponent(ids.sessionId))
  if (ids.orderId) {
    url = url.split("{order.id}").join(encodeURIComponent(ids.orderId))
    url = url.split("{checkout.order.id}").join(encodeURIComponent(ids.orderId))
  }
  return url
}

export interface DeliveryResult {
  delivered: boolean
  status?: number
  error?: string
}

/** POSTs a JSON callback to a merchant URL, the way Klarna does; never throws. */
export async function postJson(url: string, body: unknown, timeoutMs: number): Promise<DeliveryResult> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "klarna-simulator" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    await res.arrayBuffer().catch(() => undefined)
    return { delivered: res.ok, status: res.status }
  } catch (err) {
    return { delivered: false, error: err instanceof Error ? err.message : String(err) }
  }
}
