import { Router } from "express"
import { basicAuth } from "../auth"
import type { SimContext } from "../context"
import { jsonBody } from "../json-body"
import { kustomCheckoutRouter } from "./kustom-checkout"
import { kustomDroppedRouter } from "./kustom-dropped"
import { orderManagementRouter } from "./order-management"

/**
 * Kustom's API, mounted at /kustom: Checkout v3 and Order Management over Kustom's orders, with
 * Kustom's credentials. Logging and faults see the full path (with /kustom), as for Klarna.
 */
export function kustomRealmRouter(ctx: SimContext): Router {
  const r = Router()
  r.use(
    ["/checkout/v3", "/ordermanagement/v1"],
    ctx.requestLog.middleware(),
    basicAuth(ctx.config.kustom, "kustom"),
    jsonBody,
    ctx.faults.middleware()
  )
  r.use("/checkout/v3", kustomCheckoutRouter(ctx))
  r.use("/ordermanagement/v1", kustomDroppedRouter(), orderManagementRouter(ctx, "kustom"))
  return r
}
