import type { Response } from "express"

export const CORRELATION_HEADER = "Klarna-Correlation-Id"
export const IDEMPOTENCY_HEADER = "Klarna-Idempotency-Key"

export interface AfterFault {
  faultId: string
  status: number
  retryAfter?: number
}

/** Per-request values the middlewares hand to each other through `res.locals`. */
export interface SimLocals {
  correlationId: string
  /** Authenticated username or API key; scopes idempotency keys. */
  principal?: string
  replayed?: boolean
  faultId?: string
  afterFault?: AfterFault
  /** The answer is sent this long after the request was processed. */
  answerDelayMs?: number
}

export const locals = (res: Response): SimLocals => res.locals as SimLocals
