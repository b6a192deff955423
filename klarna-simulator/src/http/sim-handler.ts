import type { Request, RequestHandler, Response } from "express"
import { errorFromStatus, KlarnaError } from "../errors"
import { sendKlarnaError } from "./sim-response"

export type SimHandler = (req: Request, res: Response) => unknown | Promise<unknown>

/** Control API handler: JSON answer (200); a KlarnaError becomes Klarna's error body. */
export const sim =
  (handler: SimHandler): RequestHandler =>
  async (req, res) => {
    try {
      const body = await handler(req, res)
      if (!res.headersSent) res.status(200).json(body)
    } catch (err) {
      if (!(err instanceof KlarnaError)) console.error("[klarna-simulator] control API failed", err)
      sendKlarnaError(res, err instanceof KlarnaError ? err : errorFromStatus(500))
    }
  }

/** A control request's JSON body, or {} when there is none. */
export const controlBody = (req: Request): unknown => (req.body && typeof req.body === "object" ? req.body : {})
