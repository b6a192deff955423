import type { NextFunction, Request, Response } from "express"
import { v4 as uuidv4 } from "uuid"
import { CORRELATION_HEADER, locals } from "./locals"

/** Every answer carries a fresh Klarna-Correlation-Id; error bodies repeat it. */
export function correlationId(_req: Request, res: Response, next: NextFunction): void {
  const id = uuidv4()
  locals(res).correlationId = id
  res.setHeader(CORRELATION_HEADER, id)
  next()
}
