import { Router } from "express"
import { KlarnaError } from "../errors"
import { klarnaRoute } from "../http/klarna-route"

/** Order Management operations Klarna offers but Kustom does not. */
const DROPPED_PATHS = [
  "/orders/:order_id/captures/:capture_id/extend-due-date",
  "/orders/:order_id/captures/:capture_id/extend-due-date-options",
  "/orders/:order_id/captures/:capture_id/trigger-send-out",
]

/** Mounted before Kustom's Order Management router: these answer 404 NOT_FOUND and touch nothing. */
export function kustomDroppedRouter(): Router {
  const r = Router()
  r.all(
    DROPPED_PATHS,
    klarnaRoute((req) => {
      throw new KlarnaError(404, "NOT_FOUND", [`Kustom does not offer ${req.method} ${req.originalUrl.split("?")[0]}`])
    })
  )
  return r
}
