/**
 * Express app of the fake WooCommerce REST API v3 (read side):
 *   GET /wp-json/wc/v3/orders, /orders/:id, /orders/:id/refunds[/:rid], /orders/:id/notes
 * with WooCommerce's paging headers (X-WP-Total, X-WP-TotalPages, Link
 * prev/next), parameter validation (400 rest_invalid_param), error bodies
 * `{ code, message, data: { status } }`, OAuth 1.0a / Basic authentication and
 * injectable faults. Unknown parameters — notably `payment_method` — are
 * ignored, as WordPress does.
 */
import express, { type NextFunction, type Request, type Response } from "express"
import { deriveNotes, deriveRefunds } from "./derive"
import { invalidParams, noRoute, wpError } from "./errors"
import { API_PREFIX, defaultFaultBody, FaultTable } from "./faults"
import { authenticate, NonceStore, phpQuery, rawQueryPairs } from "./oauth"
import { boolParam, dateParam, enumParam, idListParam, intParam, STATUS_ENUM, toList, type Invalid } from "./params"
import type { RecordedRequest, WooNote, WooOrder, WooRefund } from "./types"

export type FakeStore = {
  orders: WooOrder[]
  refunds: Record<number, WooRefund[]>
  notes: Record<number, WooNote[]>
}

export type FakeAppState = {
  store: FakeStore
  creds: { consumerKey: string; consumerSecret: string }
  pageSizeCap: number
  faults: FaultTable
  log: RecordedRequest[]
  nonces: NonceStore
  /** Added delay before every answer (ms), to make concurrency observable. */
  latencyMs: number
  stats: { inFlight: number; maxInFlight: number }
}

const HIDDEN_QUERY = new Set(["oauth_signature", "consumer_secret"])

function sanitizedQuery(originalUrl: string): Record<string, string | string[]> {
  const out = phpQuery(originalUrl)
  for (const k of HIDDEN_QUERY) delete out[k]
  return out
}

function baseUrlOf(req: Request): string {
  return `${req.protocol}://${req.headers.host ?? "localhost"}`
}

/** Adds what the real API sends and the fixtures leave out (_links, payment_url, line images), and applies include_meta / exclude_meta. */
function present(order: WooOrder, base: string, q: Record<string, unknown>): WooOrder {
  const includeMeta = toList(q.include_meta)
  const excludeMeta = toList(q.exclude_meta)
  let meta = order.meta_data ?? []
  if (includeMeta.length) meta = meta.filter((m) => includeMeta.includes(m.key))
  if (excludeMeta.length) meta = meta.filter((m) => !excludeMeta.includes(m.key))
  const links: Record<string, Array<{ href: string }>> = {
    self: [{ href: `${base}${API_PREFIX}/orders/${order.id}` }],
    collection: [{ href: `${base}${API_PREFIX}/orders` }],
  }
  if (order.customer_id) links.customer = [{ href: `${base}${API_PREFIX}/customers/${order.customer_id}` }]
  return {
    ...order,
    meta_data: meta,
    line_items: (order.line_items ?? []).map((li) => ("image" in li ? li : { ...li, image: { id: "", src: "" } })),
    payment_url: order.payment_url ?? `${base}/checkout/order-pay/${order.id}/?pay_for_order=true&key=${order.order_key}`,
    is_editable: order.is_editable ?? ["pending", "on-hold", "auto-draft", "checkout-draft"].includes(order.status),
    needs_payment: order.needs_payment ?? ["pending", "failed"].includes(order.status),
    needs_processing: order.needs_processing ?? true,
    _links: links,
  }
}

function pagingHeaders(req: Request, res: Response, total: number, totalPages: number, page: number): void {
  res.setHeader("X-WP-Total", String(total))
  res.setHeader("X-WP-TotalPages", String(totalPages))
  const pairs = [...new Map(rawQueryPairs(req.originalUrl)).entries()].filter(
    ([k]) => !k.startsWith("oauth_") && k !== "consumer_key" && k !== "consumer_secret" && k !== "page"
  )
  const link = (p: number) => {
    const qs = [...pairs, ["page", String(p)] as [string, string]].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")
    return `<${baseUrlOf(req)}${req.originalUrl.split("?")[0]}?${qs}>`
  }
  const parts: string[] = []
  if (page > 1) parts.push(`${link(Math.min(page - 1, Math.max(totalPages, 1)))}; rel="prev"`)
  if (page < totalPages) parts.push(`${link(page + 1)}; rel="next"`)
  if (parts.length) res.setHeader("Link", parts.join(", "))
}

function dateField(order: WooOrder, which: "created" | "modified", gmt: boolean): string {
  const v = which === "created" ? (gmt ? order.date_created_gmt : order.date_created) : gmt ? order.date_modified_gmt : order.date_modified
  return (v ?? "").replace(" ", "T").slice(0, 19)
}

export function createFakeWooCommerceApp(state: FakeAppState): express.Express {
  const app = express()
  app.disable("x-powered-by")
  app.set("etag", false)

  // Request log (status filled in when the answer is sent).
  app.use((req, res, next) => {
    const entry: RecordedRequest = { method: req.method, path: req.originalUrl.split("?")[0], query: sanitizedQuery(req.originalUrl), auth: "none" }
    state.log.push(entry)
    res.locals.entry = entry
    state.stats.inFlight += 1
    state.stats.maxInFlight = Math.max(state.stats.maxInFlight, state.stats.inFlight)
    let done = false
    const finish = () => {
      if (done) return
      done = true
      state.stats.inFlight -= 1
      entry.status = res.statusCode
    }
    res.on("finish", finish)
    res.on("close", finish)
    if (state.latencyMs > 0) setTimeout(next, state.latencyMs)
    else next()
  })

  // Injected faults (a host or WAF in front of WordPress: before authentication).
  app.use((req, res, next) => {
    const fault = state.faults.take(req.method, req.originalUrl.split("?")[0])
    if (!fault) return next()
    ;(res.locals.entry as RecordedRequest).fault = true
    const answer = () => {
      if (fault.status === "reset") {
        req.socket.destroy()
        return
      }
      if (fault.retryAfter !== undefined) res.setHeader("Retry-After", String(fault.retryAfter))
      if (fault.body !== undefined) {
        res.status(fault.status)
        if (typeof fault.body === "string") res.type("text/html").send(fault.body)
        else res.json(fault.body)
        return
      }
      const d = defaultFaultBody(fault.status)
      res.status(fault.status).setHeader("Content-Type", d.contentType)
      res.send(d.body)
    }
    if (fault.delayMs) setTimeout(answer, fault.delayMs)
    else answer()
  })

  const api = express.Router()

  /** Authentication; anonymous requests get WooCommerce's permission error. */
  const guard = (kind: "list" | "view") => (req: Request, res: Response, next: NextFunction) => {
    const auth = authenticate(req, state.creds, state.nonces)
    ;(res.locals.entry as RecordedRequest).auth = auth.scheme
    if (auth.ok) return next()
    if (auth.status) return wpError(res, auth.status, auth.code as string, auth.message as string)
    return wpError(res, 401, "woocommerce_rest_cannot_view", kind === "list" ? "Sorry, you cannot list resources." : "Sorry, you cannot view this resource.")
  }

  const findOrder = (idParam: string): WooOrder | undefined => {
    const id = Number(idParam)
    return state.store.orders.find((o) => o.id === id)
  }

  api.get("/orders", guard("list"), (req, res) => {
    const q: Record<string, unknown> = phpQuery(req.originalUrl)
    const invalid: Invalid = {}
    const page = intParam(q, "page", 1, 1, undefined, invalid)
    const perPage = intParam(q, "per_page", 10, 1, state.pageSizeCap, invalid)
    const offset = q.offset !== undefined ? intParam(q, "offset", 0, 0, undefined, invalid) : undefined
    const order = enumParam(q, "order", ["asc", "desc"] as const, "desc", invalid)
    const orderby = enumParam(q, "orderby", ["date", "id", "include", "title", "slug", "modified"] as const, "date", invalid)
    const statuses = toList(q.status)
    const bad = statuses.findIndex((s) => !STATUS_ENUM.includes(s))
    if (bad >= 0) invalid.status = `status[${bad}] is not one of ${STATUS_ENUM.slice(0, -1).join(", ")}, and ${STATUS_ENUM[STATUS_ENUM.length - 1]}.`
    const gmt = boolParam(q, "dates_are_gmt", false, invalid)
    const after = dateParam(q, "after", invalid)
    const before = dateParam(q, "before", invalid)
    const modifiedAfter = dateParam(q, "modified_after", invalid)
    const modifiedBefore = dateParam(q, "modified_before", invalid)
    const include = idListParam(q, "include", invalid)
    const exclude = idListParam(q, "exclude", invalid)
    const customer = q.customer !== undefined ? intParam(q, "customer", 0, 0, undefined, invalid) : undefined
    if (Object.keys(invalid).length) return invalidParams(res, invalid)

    const wanted = new Set(statuses.length ? statuses : ["any"])
    let list = state.store.orders.filter((o) => {
      const st = String(o.status)
      if (!(wanted.has(st) || (wanted.has("any") && st !== "trash"))) return false
      if (include && !include.includes(o.id)) return false
      if (exclude && exclude.includes(o.id)) return false
      if (customer !== undefined && o.customer_id !== customer) return false
      const cmp = (d: { value: string; utc: boolean } | undefined, which: "created" | "modified", op: "after" | "before") => {
        if (!d) return true
        const v = dateField(o, which, d.utc || gmt)
        return op === "after" ? v > d.value : v < d.value
      }
      return cmp(after, "created", "after") && cmp(before, "created", "before") && cmp(modifiedAfter, "modified", "after") && cmp(modifiedBefore, "modified", "before")
    })
    const dir = order === "asc" ? 1 : -1
    const key = (o: WooOrder): string | number =>
      orderby === "date" ? dateField(o, "created", true) : orderby === "modified" ? dateField(o, "modified", true) : orderby === "include" && include ? include.indexOf(o.id) : o.id
    list = [...list].sort((a, b) => {
      const ka = key(a)
      const kb = key(b)
      if (ka < kb) return -dir
      if (ka > kb) return dir
      return (a.id - b.id) * dir
    })
    const total = list.length
    const totalPages = Math.ceil(total / perPage)
    const start = offset ?? (page - 1) * perPage
    pagingHeaders(req, res, total, totalPages, page)
    const base = baseUrlOf(req)
    res.json(list.slice(start, start + perPage).map((o) => present(o, base, q)))
  })

  api.get("/orders/:id(\\d+)", guard("view"), (req, res) => {
    const order = findOrder(req.params.id)
    if (!order) return wpError(res, 404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.")
    res.json(present(order, baseUrlOf(req), phpQuery(req.originalUrl)))
  })

  const refundsOf = (order: WooOrder): WooRefund[] =>
    [...(state.store.refunds[order.id] ?? deriveRefunds(order))].sort((a, b) =>
      a.date_created_gmt < b.date_created_gmt ? 1 : a.date_created_gmt > b.date_created_gmt ? -1 : b.id - a.id
    )

  api.get("/orders/:id(\\d+)/refunds", guard("list"), (req, res) => {
    const order = findOrder(req.params.id)
    if (!order || order.status === "trash") return wpError(res, 404, "woocommerce_rest_invalid_order_id", "Invalid order ID.")
    const q: Record<string, unknown> = phpQuery(req.originalUrl)
    const invalid: Invalid = {}
    const page = intParam(q, "page", 1, 1, undefined, invalid)
    const perPage = intParam(q, "per_page", 10, 1, state.pageSizeCap, invalid)
    if (Object.keys(invalid).length) return invalidParams(res, invalid)
    const all = refundsOf(order)
    pagingHeaders(req, res, all.length, Math.ceil(all.length / perPage), page)
    res.json(all.slice((page - 1) * perPage, page * perPage))
  })

  api.get("/orders/:id(\\d+)/refunds/:rid(\\d+)", guard("view"), (req, res) => {
    const order = findOrder(req.params.id)
    if (!order) return wpError(res, 404, "woocommerce_rest_invalid_order_id", "Invalid order ID.")
    const refund = refundsOf(order).find((r) => r.id === Number(req.params.rid))
    if (!refund) return wpError(res, 404, "woocommerce_rest_shop_order_refund_invalid_id", "Invalid ID.")
    res.json(refund)
  })

  api.get("/orders/:id(\\d+)/notes", guard("list"), (req, res) => {
    const order = findOrder(req.params.id)
    if (!order) return wpError(res, 404, "woocommerce_rest_shop_order_invalid_id", "Invalid order ID.")
    const q: Record<string, unknown> = phpQuery(req.originalUrl)
    const invalid: Invalid = {}
    const type = enumParam(q, "type", ["any", "customer", "internal"] as const, "any", invalid)
    if (Object.keys(invalid).length) return invalidParams(res, invalid)
    const notes = state.store.notes[order.id] ?? deriveNotes(order)
    res.json(notes.filter((n) => type === "any" || (type === "customer" ? n.customer_note : !n.customer_note)))
  })

  app.use(API_PREFIX, api)
  app.use((_req, res) => noRoute(res))
  // Malformed URLs and anything unexpected: a WordPress-style 500 rather than express's HTML page.
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof (err as { status?: unknown })?.status === "number" ? (err as { status: number }).status : 500
    wpError(res, status, status === 400 ? "rest_invalid_json" : "internal_server_error", status === 400 ? "Invalid request." : "Internal error in the fake WooCommerce.")
  })
  return app
}
