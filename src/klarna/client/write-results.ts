/** Small readers for the empty-bodied 201/204 answers of Order Management writes. */
import { unexpectedResponseError } from "./failure"
import type { KlarnaResponse } from "./http-transport"

/** Result of a write Klarna answers with 204 No Content. */
export interface KlarnaAck {
  correlation_id?: string
}

export function ack(res: KlarnaResponse<unknown>): KlarnaAck {
  return { correlation_id: res.correlationId }
}

/** Capture-Id / Refund-Id header, else the last segment of Location. */
export function createdId(operation: string, res: KlarnaResponse<unknown>, idHeader: string): string {
  const direct = res.headers[idHeader]?.trim()
  if (direct) {
    return direct
  }
  const location = res.headers.location
  if (location) {
    const path = location.split(/[?#]/)[0].replace(/\/+$/, "")
    const last = path.slice(path.lastIndexOf("/") + 1)
    if (last) {
      try {
        return decodeURIComponent(last)
      } catch {
        return last
      }
    }
  }
  const name = idHeader === "capture-id" ? "Capture-Id" : "Refund-Id"
  throw unexpectedResponseError(operation, `neither a ${name} nor a Location header in the ${res.status} response`, res.correlationId)
}
