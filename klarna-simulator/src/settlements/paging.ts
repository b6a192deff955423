/** Offset paging as the Settlements API does it: `size` (default 20, at most 500) and `offset`. */
import { badRequest } from "../errors"

export interface PageRequest {
  size: number
  offset: number
}


function intParam(name: string, raw: unknown, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback
  const n = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw badRequest(`Invalid ${name}: must be an integer between ${min} and ${max}`)
  }
  return n
}

export function parsePageRequest(query: Record<string, unknown>): PageRequest {
  return {
    size: intParam("size", query.size, 20, 1, 500),
    offset: intParam("offset", query.offset, 0, 0, Number.MAX_SAFE_INTEGER),
  }
}

export interface Page<T> {
  items: T[]
  pagination: { count: number; total: number; offset: number; next?: string; prev?: string }
}

/** `link(offset)` builds the absolute URL of another page with the same filters and size. */
export function pageOf<T>(all: T[], req: PageRequest, link: (offset: number) => string): Page<T> {
  const items = all.slice(req.offset, req.offset + req.size)
  const nextOffset = req.offset + items.length
  return {
    items,
    pagination: {
      count: items.length,
      total: all.length,
      offset: req.offset,
      ...(items.length > 0 && nextOffset < all.length ? { next: link(nextOffset) } : {}),
      ...(req.offset > 0 ? { prev: link(Math.max(0, req.offset - req.size)) } : {}),
    },
  }
}
