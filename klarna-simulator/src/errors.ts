/** Klarna's error body, shared by Klarna Payments and Order Management. */
export interface KlarnaErrorBody {
  error_code: string
  error_messages: string[]
  correlation_id: string
}

export class KlarnaError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: string[],
    readonly headers: Record<string, string> = {}
  ) {
    super(`${status} ${code}: ${messages.join(" ")}`)
  }
}

export const badValue = (field: string, detail?: string, status = 400): KlarnaError =>
  new KlarnaError(status, "BAD_VALUE", detail ? [`Bad value: ${field}`, detail] : [`Bad value: ${field}`])

export const badRequest = (message: string): KlarnaError => new KlarnaError(400, "BAD_REQUEST", [message])

export const noSuchOrder = (orderId: string): KlarnaError =>
  new KlarnaError(404, "NO_SUCH_ORDER", [`Order ${orderId} cannot be found.`])

export const notAllowed = (...messages: string[]): KlarnaError => new KlarnaError(403, "NOT_ALLOWED", messages)

/** Error code Klarna answers for a bare HTTP status (used by fault injection and fallbacks). */
export function errorCodeForStatus(status: number): { code: string; message: string } {
  if (status === 429) return { code: "TOO_MANY_REQUESTS", message: "Too many requests. Please retry later." }
  if (status >= 502 && status <= 504) return { code: "TEMPORARILY_UNAVAILABLE", message: "Service temporarily unavailable." }
  if (status >= 500) return { code: "INTERNAL_SERVER_ERROR", message: "Internal server error." }
  if (status === 401) return { code: "UNAUTHORIZED", message: "Unauthorized" }
  if (status === 403) return { code: "FORBIDDEN", message: "Forbidden" }
  if (status === 404) return { code: "NOT_FOUND", message: "Not found" }
  if (status === 409) return { code: "CONFLICT", message: "Conflict. Please retry later." }
  if (status === 413) return { code: "REQUEST_TOO_LARGE", message: "Request too large" }
  return { code: "BAD_REQUEST", message: "Bad request" }
}

export function errorFromStatus(status: number): KlarnaError {
  const { code, message } = errorCodeForStatus(status)
  return new KlarnaError(status, code, [message])
}
