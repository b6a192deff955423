/** `ListOrdersOptions` → the query parameters of GET /orders (checked; WooCommerce's names and formats). */
import { WooImportError } from "../woo-import-error"
import type { Params } from "./http"
import type { ListOrdersOptions, WooDateInput } from "./types"

/** WooCommerce's maximum `per_page`. */
export const MAX_PER_PAGE = 100

/** A Date → UTC "YYYY-MM-DDTHH:mm:ss"; a string is sent as given. */
export function toWooDate(d: WooDateInput): string {
  if (d instanceof Date) {
    if (Number.isNaN(d.getTime())) throw new WooImportError({ code: "invalid_argument", message: "Invalid date given to the WooCommerce reader." })
    return d.toISOString().slice(0, 19)
  }
  return d
}

export function orderParams(o: ListOrdersOptions): Params {
  const perPage = o.perPage ?? MAX_PER_PAGE
  const page = o.page ?? 1
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    throw new WooImportError({ code: "invalid_argument", message: `perPage must be an integer from 1 to ${MAX_PER_PAGE} (got ${perPage}).` })
  }
  if (!Number.isInteger(page) || page < 1) {
    throw new WooImportError({ code: "invalid_argument", message: `page must be an integer ≥ 1 (got ${page}).` })
  }
  const params: Params = { page, per_page: perPage, orderby: o.orderby ?? "id", order: o.order ?? "asc" }
  const statuses = (Array.isArray(o.status) ? o.status : o.status ? [o.status] : []).map((s) => s.trim().replace(/^wc-/, "")).filter(Boolean)
  if (statuses.length) params.status = statuses.join(",")
  let gmt = o.datesAreGmt
  const dates: Array<[string, WooDateInput | undefined]> = [
    ["after", o.after],
    ["before", o.before],
    ["modified_after", o.modifiedAfter],
    ["modified_before", o.modifiedBefore],
  ]
  for (const [k, v] of dates) {
    if (v === undefined) continue
    if (v instanceof Date) gmt = true
    params[k] = toWooDate(v)
  }
  if (gmt !== undefined) params.dates_are_gmt = gmt ? "true" : "false"
  if (o.include?.length) params.include = o.include.join(",")
  return params
}
