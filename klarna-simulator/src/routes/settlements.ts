import { Router, type Express, type Request } from "express"
import { basicAuth } from "../auth"
import type { SimContext } from "../context"
import { badRequest, KlarnaError } from "../errors"
import { baseUrl } from "../http/base-url"
import { klarnaRoute } from "../http/klarna-route"
import { jsonBody } from "../json-body"
import { KUSTOM_PREFIX, type Realm } from "../realm"
import { pageOf, parsePageRequest } from "../settlements/paging"
import { payoutView, transactionView } from "../settlements/views"

export const SETTLEMENTS_PATH = "/settlements/v1"


const text = (req: Request, name: string): string | undefined => {
  const v = req.query[name]
  if (v === undefined) return undefined
  if (typeof v !== "string" || v === "") throw badRequest(`Invalid ${name}`)
  return v
}

/** Klarna reads a bare date as 00:00:00Z of that day. */
function dateParam(req: Request, name: string): number | undefined {
  const v = text(req, name)
  if (v === undefined) return undefined
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v)
  if (Number.isNaN(ms)) throw badRequest(`Invalid ${name}: expected an ISO 8601 date-time`)
  return ms
}

/** Same path with the query's filters and size, at another offset. */
function linkTo(req: Request, apiBase: string, path: string) {
  return (offset: number) => {
    const q = new URLSearchParams()
    for (const [k, v] of Object.entries(req.query)) if (typeof v === "string" && k !== "offset") q.set(k, v)
    q.set("offset", String(offset))
    return `${apiBase}${path}?${q.toString()}`
  }
}

/** The Settlements API of one realm: payouts and transactions of that realm's orders only. */
export function settlementsRouter(ctx: SimContext, realm: Realm): Router {
  const r = Router()
  const apiBase = (req: Request) => `${baseUrl(req)}${realm === "kustom" ? KUSTOM_PREFIX : ""}${SETTLEMENTS_PATH}`
  const payouts = () => ctx.settlements.store.payouts.filter((p) => p.realm === realm)

  r.get(
    "/payouts",
    klarnaRoute((req) => {
      const start = dateParam(req, "start_date")
      const end = dateParam(req, "end_date")
      const currency = text(req, "currency_code")?.toUpperCase()
      const page = parsePageRequest(req.query)
      const selected = payouts().filter((p) => {
        const at = Date.parse(p.payout_date)
        return (start === undefined || at >= start) && (end === undefined || at <= end) && (!currency || p.currency_code === currency)
      })
      const { items, pagination } = pageOf(selected, page, linkTo(req, apiBase(req), "/payouts"))
      return { status: 200, body: { payouts: items.map((p) => payoutView(p, apiBase(req))), pagination } }
    })
  )

  r.get(
    "/payouts/:payment_reference",
    klarnaRoute((req) => {
      const payout = payouts().find((p) => p.payment_reference === req.params.payment_reference)
      if (!payout) throw new KlarnaError(404, "NOT_FOUND", [`Payout ${req.params.payment_reference} not found`])
      return { status: 200, body: payoutView(payout, apiBase(req)) }
    })
  )

  r.get(
    "/transactions",
    klarnaRoute((req) => {
      const ref = text(req, "payment_reference")
      const orderId = text(req, "order_id")
      const page = parsePageRequest(req.query)
      const selected = ctx.settlements.store.transactions.filter(
        (t) => t.realm === realm && (!ref || t.payment_reference === ref) && (!orderId || t.order_id === orderId)
      )
      const { items, pagination } = pageOf(selected, page, linkTo(req, apiBase(req), "/transactions"))
      return { status: 200, body: { transactions: items.map((t) => transactionView(t, apiBase(req))), pagination } }
    })
  )
  return r
}

/**
 * Klarna's Settlements API at /settlements/v1 and Kustom's at /kustom/settlements/v1, each with its
 * realm's credentials, the request log and fault injection like the other Klarna paths.
 */
export function mountSettlements(app: Express, ctx: SimContext): void {
  app.use(SETTLEMENTS_PATH, ctx.requestLog.middleware(), basicAuth(ctx.config), jsonBody, ctx.faults.middleware(), settlementsRouter(ctx, "klarna"))
  app.use(
    `${KUSTOM_PREFIX}${SETTLEMENTS_PATH}`,
    ctx.requestLog.middleware(),
    basicAuth(ctx.config.kustom, "kustom"),
    jsonBody,
    ctx.faults.middleware(),
    settlementsRouter(ctx, "kustom")
  )
}
