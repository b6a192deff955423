import type { Response } from "express"
import { KlarnaError, type KlarnaErrorBody } from "../errors"
import { CORRELATION_HEADER, locals } from "./locals"

/** A response as plain data, so it can be stored for idempotent replay before it is sent. */
export interface SimResponse {
  status: number
  headers?: Record<string, string>
  body?: unknown
}

export function errorResponse(err: KlarnaError, correlationId: string): SimResponse {
  const body: KlarnaErrorBody = { error_code: err.code, error_messages: err.messages, correlation_id: correlationId }
  return { status: err.status, headers: err.headers, body }
}

export function sendSimResponse(res: Response, r: SimResponse): void {
  for (const [name, value] of Object.entries(r.headers ?? {})) {
    res.setHeader(name, value)
  }
  const body = r.body as Partial<KlarnaErrorBody> | undefined
  // An error body carries its own correlation id (e.g. when replayed); keep the header equal to it.
  if (body && typeof body === "object" && typeof body.correlation_id === "string") {
    res.setHeader(CORRELATION_HEADER, body.correlation_id)
  }
  res.status(r.status)
  if (r.body === undefined) {
    res.end()
  } else {
    res.json(r.body)
  }
}

export function sendKlarnaError(res: Response, err: KlarnaError): void {
  sendSimResponse(res, errorResponse(err, locals(res).correlationId))
}
