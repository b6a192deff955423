import express, { type Express } from "express"
import { basicAuth } from "./auth"
import { createContext, type SimContext } from "./context"
import { KlarnaError } from "./errors"
import { accessLog } from "./http/access-log"
import { correlationId } from "./http/correlation-id"
import { sendKlarnaError } from "./http/sim-response"
import { bodyErrorHandler, jsonBody } from "./json-body"
import { KUSTOM_PREFIX } from "./realm"
import { kustomControlRouter } from "./routes/kustom-control"
import { kustomRealmRouter } from "./routes/kustom-realm"
import { orderManagementRouter } from "./routes/order-management"
import { paymentsRouter } from "./routes/payments"
import { simControlRouter } from "./routes/sim-control"
import { mountSettlements } from "./routes/settlements"
import { settlementsControlRouter } from "./routes/settlements-control"
import type { SimulatorOptions } from "./types"

const KLARNA_PREFIXES = ["/payments/v1", "/ordermanagement/v1"]

/** The express app of one simulator; `ctx` is exposed so the server can reset and dispose it. */
export function buildApp(ctx: SimContext): Express {
  const app = express()
  app.disable("x-powered-by")
  app.set("etag", false)

  app.use(correlationId)
  app.use(accessLog(ctx.config.logger))

  app.use("/_sim/kustom", jsonBody, kustomControlRouter(ctx))
  app.use("/_sim/settlements", jsonBody, settlementsControlRouter(ctx))
  app.use("/_sim", jsonBody, simControlRouter(ctx))

  // Klarna API: log, authenticate, parse JSON, inject faults, then route.
  app.use(KLARNA_PREFIXES, ctx.requestLog.middleware(), basicAuth(ctx.config), jsonBody, ctx.faults.middleware())
  app.use("/payments/v1", paymentsRouter(ctx))
  app.use("/ordermanagement/v1", orderManagementRouter(ctx, "klarna"))

  // Settlements API of both realms (before the Kustom realm router takes /kustom).
  mountSettlements(app, ctx)

  // Kustom (Checkout v3 + Order Management) under its own prefix and credentials. Klarna no
  // longer runs Checkout v3, so /checkout/v3 at the root is a 404 like any unknown path.
  app.use(KUSTOM_PREFIX, kustomRealmRouter(ctx))

  app.use((req, res) => {
    sendKlarnaError(res, new KlarnaError(404, "NOT_FOUND", [`No resource at ${req.method} ${req.path}`]))
  })
  app.use(bodyErrorHandler)
  return app
}

export function createKlarnaSimulatorApp(opts?: SimulatorOptions): Express {
  return buildApp(createContext(opts))
}
