import type { Request, RequestHandler, Response } from "express"
import { errorFromStatus, KlarnaError } from "../errors"
import { IdempotencyStore } from "../idempotency"
import { IDEMPOTENCY_HEADER, locals } from "./locals"
import { errorResponse, sendSimResponse, type SimResponse } from "./sim-response"

export type KlarnaHandler = (req: Request, res: Response) => SimResponse

export interface KlarnaRouteOptions {
  /** Honour Klarna-Idempotency-Key (all Order Management mutations). */
  idempotency?: IdempotencyStore
}

/**
 * Runs a synchronous Klarna handler: idempotent replay, error mapping, storing the response,
 * and the `after` fault (state changed, but the client gets an error instead of the answer).
 * The handler is synchronous so that lookup, execution and storing cannot interleave with a
 * concurrent request carrying the same key.
 */
export function klarnaRoute(handler: KlarnaHandler, opts: KlarnaRouteOptions = {}): RequestHandler {
  return (req, res) => {
    const l = locals(res)
    const key = opts.idempotency ? req.get(IDEMPOTENCY_HEADER) : undefined
    const principal = l.principal ?? "anonymous"

    if (opts.idempotency && key) {
      const stored = opts.idempotency.get(principal, key)
      if (stored) {
        l.replayed = true
        return finish(res, stored)
      }
    }

    let response: SimResponse
    try {
      response = handler(req, res)
    } catch (err) {
      if (!(err instanceof KlarnaError)) {
        console.error("[klarna-simulator] handler failed", err)
      }
      response = errorResponse(err instanceof KlarnaError ? err : errorFromStatus(500), l.correlationId)
    }

    if (opts.idempotency && key && IdempotencyStore.isStorable(response)) {
      opts.idempotency.set(principal, key, response)
    }
    finish(res, response)
  }
}

function finish(res: Response, response: SimResponse): void {
  const delay = locals(res).answerDelayMs
  if (delay) {
    setTimeout(() => !res.writableEnded && !res.destroyed && sendSimResponse(res, response), delay).unref()
    return
  }
  const after = locals(res).afterFault
  if (!after) {
    return sendSimResponse(res, response)
  }
  const lost = errorResponse(errorFromStatus(after.status), locals(res).correlationId)
  if (after.retryAfter !== undefined) {
    lost.headers = { "Retry-After": String(after.retryAfter) }
  }
  sendSimResponse(res, lost)
}
