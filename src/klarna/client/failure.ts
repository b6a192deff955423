/**
 * Turns whatever axios throws into a plain, credential-free description of the failure
 * (`KlarnaFailure`), and that into a merchant-readable KlarnaApiError. Only primitive
 * values are copied out of the axios error; the error itself (which holds the request
 * config and therefore the Authorization header) is never kept.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { isAxiosError } from "axios"
import { KlarnaApiError, medusaErrorTypeForStatus } from "./errors"
import { describeOperation } from "./operations"
import { isRetryableFailure } from "./retry-policy"

export type KlarnaFailure =
  | {
      kind: "http"
      status: number
      errorCode?: string
      errorMessages: string[]
      correlationId?: string
      retryAfter?: string
    }
  | { kind: "timeout" }
  | { kind: "network"; code?: string }
  | { kind: "canceled" }
  | { kind: "unknown" }

export const CORRELATION_ID_HEADER = "klarna-correlation-id"

export function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== "object") {
    return undefined
  }
  const h = headers as { get?: (n: string) => unknown } & Record<string, unknown>
  const raw = typeof h.get === "function" ? h.get(name) : h[name.toLowerCase()]
  const value = Array.isArray(raw) ? raw[0] : raw
  return typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : undefined
}

export function classifyFailure(err: unknown): KlarnaFailure {
  if (!isAxiosError(err)) {
    return { kind: "unknown" }
  }
  if (err.response) {
    const body = parseErrorBody(err.response.data)
    return {
      kind: "http",
      status: err.response.status,
      errorCode: body.errorCode,
      errorMessages: body.errorMessages,
      correlationId: body.correlationId ?? headerValue(err.response.headers, CORRELATION_ID_HEADER),
      retryAfter: headerValue(err.response.headers, "retry-after"),
    }
  }
  const code = err.code
  if (code === "ETIMEDOUT" || code === "ECONNABORTED") {
    return { kind: "timeout" }
  }
  if (code === "ERR_CANCELED") {
    // The transport aborts each attempt with AbortSignal.timeout as a hard deadline.
    const reason = (err.config?.signal as AbortSignal | undefined)?.reason as { name?: unknown } | undefined
    return reason?.name === "TimeoutError" ? { kind: "timeout" } : { kind: "canceled" }
  }
  const causeCode = (err.cause as { code?: unknown } | undefined)?.code
  return { kind: "network", code: code ?? (typeof causeCode === "string" ? causeCode : undefined) }
}

function parseErrorBody(data: unknown): { errorCode?: string; errorMessages: string[]; correlationId?: string } {
  let body: unknown = data
  if (typeof data === "string") {
    try {
      body = JSON.parse(data)
    } catch {
      return { errorMessages: [] }
    }
  }
  if (!body || typeof body !== "object") {
    return { errorMessages: [] }
  }
  const b = body as Record<string, unknown>
  const messages = Array.isArray(b.error_messages)
    ? b.error_messages.filter((m): m is string => typeof m === "string")
    : typeof b.error_messages === "string"
      ? [b.error_messages]
      : []
  return {
    errorCode: typeof b.error_code === "string" ? b.error_code : undefined,
    errorMessages: messages,
    correlationId: typeof b.correlation_id === "string" ? b.correlation_id : undefined,
  }
}

const NETWORK_CODE_TEXT: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EPIPE: "connection closed",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "DNS lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ENETDOWN: "network down",
}

// Node's own messages can quote header names (e.g. ERR_INVALID_CHAR), so only codes are shown.
function networkText(code: string | undefined): string {
  if (!code) {
    return "network error"
  }
  const known = NETWORK_CODE_TEXT[code]
  if (known) {
    return `${known} (${code})`
  }
  return /CERT|SSL|TLS/.test(code) ? `TLS certificate problem (${code})` : `network error (${code})`
}

export interface FailureContext {
  operation: string
  attempts: number
  timeoutMs: number
}

export function failureToError(failure: KlarnaFailure, ctx: FailureContext): KlarnaApiError {
  const doing = describeOperation(ctx.operation)
  const tries = ctx.attempts > 1 ? ` after ${ctx.attempts} attempts` : ""
  const unreachable = (why: string) =>
    `Klarna could not be reached while trying to ${doing}: ${why}${ctx.attempts > 1 ? ` (${ctx.attempts} attempts)` : ""}`
  switch (failure.kind) {
    case "http":
      return httpError(failure, ctx, doing, tries)
    case "timeout":
      return new KlarnaApiError({
        type: MedusaError.Types.UNEXPECTED_STATE,
        message: unreachable(`timeout after ${ctx.timeoutMs} ms`),
        operation: ctx.operation,
        retryable: true,
      })
    case "network":
      return new KlarnaApiError({
        type: MedusaError.Types.UNEXPECTED_STATE,
        message: unreachable(networkText(failure.code)),
        operation: ctx.operation,
        retryable: isRetryableFailure(failure),
      })
    case "canceled":
      return new KlarnaApiError({
        type: MedusaError.Types.UNEXPECTED_STATE,
        message: `The request to Klarna to ${doing} was cancelled`,
        operation: ctx.operation,
        retryable: true,
      })
    default:
      return new KlarnaApiError({
        type: MedusaError.Types.UNEXPECTED_STATE,
        message: `The request to Klarna to ${doing} failed before a response was received`,
        operation: ctx.operation,
        retryable: false,
      })
  }
}

function httpError(
  f: Extract<KlarnaFailure, { kind: "http" }>,
  ctx: FailureContext,
  doing: string,
  tries: string
): KlarnaApiError {
  const base = {
    type: medusaErrorTypeForStatus(f.status),
    operation: ctx.operation,
    status: f.status,
    errorCode: f.errorCode,
    errorMessages: f.errorMessages,
    correlationId: f.correlationId,
    retryable: isRetryableFailure(f),
  }
  if (f.status === 401) {
    return new KlarnaApiError({
      ...base,
      message:
        `Klarna rejected the API credentials (401) while trying to ${doing}. ` +
        "Check the Klarna username and password / API key.",
    })
  }
  const text = f.errorMessages.length ? `: ${f.errorMessages.join(" ")}` : ""
  const details = [f.errorCode ?? `HTTP ${f.status}`, f.correlationId && `correlation id ${f.correlationId}`]
    .filter(Boolean)
    .join(", ")
  let lead: string
  if (f.status === 429) {
    lead = `Klarna rate-limited the request to ${doing}${tries}`
  } else if (f.status >= 500) {
    lead = `Klarna failed with HTTP ${f.status} while trying to ${doing}${tries}`
  } else if (f.status >= 400) {
    lead = `Klarna refused to ${doing}${tries}`
  } else {
    lead = `Klarna answered HTTP ${f.status} while trying to ${doing}`
  }
  return new KlarnaApiError({ ...base, message: `${lead}${text} (${details})` })
}

/** A 2xx whose body or headers are not what the API documents. */
export function unexpectedResponseError(operation: string, detail: string, correlationId?: string): KlarnaApiError {
  return new KlarnaApiError({
    type: MedusaError.Types.UNEXPECTED_STATE,
    message: `Klarna returned an unexpected response while trying to ${describeOperation(operation)}: ${detail}${
      correlationId ? ` (correlation id ${correlationId})` : ""
    }`,
    operation,
    correlationId,
    retryable: false,
  })
}
