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

export interface CallbackResult extends DeliveryResult {
  /** The Location header of a redirect answer (Kustom's validation callback refuses that way). */
  location?: string
}

/**
 * POSTs to a merchant URL without following redirects: a JSON body, or none at all (Kustom's
 * push is an empty POST). `delivered` means a 2xx answer. Never throws.
 */
export async function postCallback(url: string, body: unknown | undefined, timeoutMs: number): Promise<CallbackResult> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: body === undefined ? { "user-agent": "kustom-simulator" } : { "content-type": "application/json", "user-agent": "kustom-simulator" },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    })
    await res.arrayBuffer().catch(() => undefined)
    const location = res.headers.get("location")
    return { delivered: res.ok, status: res.status, ...(location ? { location } : {}) }
  } catch (err) {
    return { delivered: false, error: err instanceof Error ? err.message : String(err) }
  }
}
