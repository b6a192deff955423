import express, { type ErrorRequestHandler, type NextFunction, type Request, type Response } from "express"
import { badRequest, KlarnaError, errorFromStatus } from "./errors"
import { hasBody } from "./http/has-body"
import { sendKlarnaError } from "./http/sim-response"

/** Klarna accepts JSON only; a body with another content type is refused with 415. */
function requireJson(req: Request, res: Response, next: NextFunction): void {
  const type = req.headers["content-type"]
  if (hasBody(req) && type !== undefined && !/[/+]json\b/i.test(type)) {
    return sendKlarnaError(res, new KlarnaError(415, "UNSUPPORTED_MEDIA_TYPE", [`Content type ${type} is not supported`]))
  }
  next()
}

export const jsonBody = [requireJson, express.json({ limit: "1mb", type: () => true })]

interface BodyParserError extends Error {
  type?: string
}

/** Maps body-parser failures to Klarna's error body; anything else is a 500. */
export const bodyErrorHandler: ErrorRequestHandler = (err: BodyParserError, _req, res, next) => {
  if (res.headersSent) return next(err)
  if (err.type === "entity.parse.failed") {
    return sendKlarnaError(res, badRequest("Malformed JSON body"))
  }
  if (err.type === "entity.too.large") {
    return sendKlarnaError(res, new KlarnaError(413, "REQUEST_TOO_LARGE", ["Request body exceeds 1 MB"]))
  }
  console.error("[klarna-simulator] unexpected error", err)
  sendKlarnaError(res, errorFromStatus(500))
}
