import type { FakeFault } from "./types"

export const API_PREFIX = "/wp-json/wc/v3"

type ActiveFault = FakeFault & { remaining: number }

const CRITICAL_ERROR =
  '<p>There has been a critical error on this website.</p><p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p>'

/** What a host / WordPress answers for a status when the fault has no body of its own. */
export function defaultFaultBody(status: number): { contentType: string; body: string } {
  if (status === 502 || status === 503 || status === 504) {
    const title = { 502: "502 Bad Gateway", 503: "503 Service Temporarily Unavailable", 504: "504 Gateway Time-out" }[status]
    return { contentType: "text/html", body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n` }
  }
  const json = (code: string, message: string, extra: Record<string, unknown> = {}) => ({
    contentType: "application/json; charset=UTF-8",
    body: JSON.stringify({ code, message, data: { status }, ...extra }),
  })
  if (status === 429) return json("too_many_requests", "Too many requests. Please slow down.")
  if (status >= 500) return json("internal_server_error", CRITICAL_ERROR, { additional_errors: [] })
  if (status === 404) return json("woocommerce_rest_shop_order_invalid_id", "Invalid ID.")
  if (status === 403) return json("woocommerce_rest_cannot_view", "Sorry, you cannot list resources.")
  if (status === 401) return json("woocommerce_rest_authentication_error", "Consumer key is invalid.")
  return json("fake_fault", `Injected fault ${status}.`)
}

export class FaultTable {
  private faults: ActiveFault[] = []

  add(fault: FakeFault): void {
    const path = typeof fault.path === "string" && !fault.path.startsWith("/wp-json") ? `${API_PREFIX}${fault.path.startsWith("/") ? "" : "/"}${fault.path}` : fault.path
    this.faults.push({ ...fault, path, remaining: fault.times ?? 1 })
  }

  clear(): void {
    this.faults = []
  }

  /** The first matching fault with uses left (its use is counted), or undefined. */
  take(method: string, path: string): FakeFault | undefined {
    const f = this.faults.find(
      (x) =>
        x.remaining > 0 &&
        (!x.method || x.method.toUpperCase() === method.toUpperCase()) &&
        (typeof x.path === "string" ? x.path.replace(/\/+$/, "") === path.replace(/\/+$/, "") : x.path.test(path))
    )
    if (!f) return undefined
    f.remaining -= 1
    return f
  }
}
