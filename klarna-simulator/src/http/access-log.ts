import type { NextFunction, Request, Response } from "express"

/** One line per request for the optional logger: method, path, status, duration. No headers. */
export function accessLog(logger: { info(msg: string): void } | undefined) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!logger) return next()
    const started = Date.now()
    res.once("close", () => {
      const status = res.headersSent ? String(res.statusCode) : "no response"
      logger.info(`${req.method} ${req.originalUrl.split("?")[0]} -> ${status} (${Date.now() - started} ms)`)
    })
    next()
  }
}
