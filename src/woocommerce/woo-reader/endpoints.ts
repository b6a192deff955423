/**
 * The endpoints the import reads, on top of the HTTP layer: orders (one page,
 * or all pages without handing out an order twice), one order, an order's
 * refunds (every page) and notes. Answers are checked against the schemas.
 */
import { WooImportError } from "../woo-import-error"
import { describeZodError, WooNoteSchema, WooOrderSchema, WooRefundSchema, type WooNote, type WooOrder, type WooRefund } from "../woo-schemas"
import { asArray, headerInt, type WooHttp } from "./http"
import { MAX_PER_PAGE, orderParams } from "./order-params"
import type { WooOrdersPage, WooReader } from "./types"

export type WooEndpoints = Pick<WooReader, "listOrdersPage" | "iterateOrders" | "getOrder" | "listRefunds" | "listNotes">

const orderPath = (orderId: number, rest = "") => `orders/${encodeURIComponent(String(orderId))}${rest}`

function invalid(path: string, message: string): WooImportError {
  return new WooImportError({ code: "invalid_response", method: "GET", path, message })
}

export function createWooEndpoints({ get, log }: WooHttp): WooEndpoints {
  const listOrdersPage: WooEndpoints["listOrdersPage"] = async (options = {}) => {
    const params = orderParams(options)
    const { data, headers, path } = await get("orders", params)
    const raw = asArray(data, path)
    const orders: WooOrder[] = []
    const rejected: WooOrdersPage["rejected"] = []
    for (const item of raw) {
      const r = WooOrderSchema.safeParse(item)
      if (r.success) orders.push(r.data)
      else {
        const raw = item && typeof item === "object" ? (item as { id?: unknown; date_modified_gmt?: unknown }) : {}
        const modified = typeof raw.date_modified_gmt === "string" ? raw.date_modified_gmt : undefined
        rejected.push({ id: raw.id, modified_gmt: modified, reason: `not a valid WooCommerce order (${describeZodError(r.error)})` })
        log("warn", `WooCommerce order ${String(raw.id)} skipped: ${describeZodError(r.error)}`)
      }
    }
    const page = params.page as number
    const perPage = params.per_page as number
    const total = headerInt(headers, "x-wp-total")
    const totalPages = headerInt(headers, "x-wp-totalpages")
    if (total === undefined || totalPages === undefined) {
      return {
        page,
        perPage,
        orders,
        rejected,
        total: (page - 1) * perPage + raw.length,
        totalPages: raw.length >= perPage ? page + 1 : page,
        estimated: true,
      }
    }
    return { page, perPage, orders, rejected, total, totalPages }
  }

  async function* iterateOrders(options: Parameters<WooEndpoints["iterateOrders"]>[0] = {}): AsyncGenerator<WooOrdersPage> {
    const { startPage, ...rest } = options
    const seen = new Set<number>()
    for (let page = startPage ?? 1; ; page++) {
      const res = await listOrdersPage({ ...rest, page })
      const rawCount = res.orders.length + res.rejected.length
      // Offset paging: an order inserted/removed during the walk can shift one
      // onto the next page; never hand out the same order twice.
      const fresh = res.orders.filter((o) => !seen.has(o.id))
      for (const o of fresh) seen.add(o.id)
      yield { ...res, orders: fresh }
      if (rawCount === 0 || page >= res.totalPages) return
    }
  }

  async function getOrder(orderId: number): Promise<WooOrder> {
    const { data, path } = await get(orderPath(orderId), {})
    const r = WooOrderSchema.safeParse(data)
    if (!r.success) throw invalid(path, `WooCommerce order ${orderId} is not valid: ${describeZodError(r.error)}`)
    return r.data
  }

  async function listRefunds(orderId: number): Promise<WooRefund[]> {
    const out: WooRefund[] = []
    for (let page = 1; ; page++) {
      const { data, headers, path } = await get(orderPath(orderId, "/refunds"), { page, per_page: MAX_PER_PAGE })
      const raw = asArray(data, path)
      for (const item of raw) {
        const r = WooRefundSchema.safeParse(item)
        if (!r.success) throw invalid(path, `A refund of WooCommerce order ${orderId} is not valid: ${describeZodError(r.error)}`)
        out.push(r.data)
      }
      const totalPages = headerInt(headers, "x-wp-totalpages") ?? (raw.length >= MAX_PER_PAGE ? page + 1 : page)
      if (raw.length === 0 || page >= totalPages) return out
    }
  }

  async function listNotes(orderId: number): Promise<WooNote[]> {
    const { data, path } = await get(orderPath(orderId, "/notes"), { type: "any" })
    return asArray(data, path).map((item) => {
      const r = WooNoteSchema.safeParse(item)
      if (!r.success) throw invalid(path, `A note of WooCommerce order ${orderId} is not valid: ${describeZodError(r.error)}`)
      return r.data
    })
  }

  return { listOrdersPage, iterateOrders, getOrder, listRefunds, listNotes }
}
