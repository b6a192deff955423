/**
 * Walks Klarna's offset-paged Settlements collections (`{ <items>, pagination: { count, total,
 * next, offset } }`) page by page.
 *
 * The next page is requested by offset on our own base URL, never by following `pagination.next`:
 * that is an absolute URL from the response, and following it could send the credentials to
 * another host.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { KlarnaApiError } from "./errors"
import { describeOperation, type KlarnaOperation } from "./operations"
import type { KlarnaPagination } from "./settlements-schemas"

/** With Klarna's maximum page size of 500, 1000 pages are half a million rows. */
export const DEFAULT_SETTLEMENTS_MAX_PAGES = 1000

export interface KlarnaPage<T> {
  items: T[]
  pagination: KlarnaPagination
}

export interface KlarnaPagingOptions {
  /** Stop with an error instead of reading more than this many pages. Default 1000. */
  maxPages?: number
}

/**
 * Offset of the page after this one, or undefined when this was the last: no `next` link, an
 * empty page, or `offset + count` reaching `total`.
 */
export function nextPageOffset(requestedOffset: number, pagination: KlarnaPagination, received: number): number | undefined {
  const offset = pagination.offset ?? requestedOffset
  if (received === 0 || !pagination.next) {
    return undefined
  }
  if (pagination.total !== undefined && offset + received >= pagination.total) {
    return undefined
  }
  return offset + received
}

export async function* walkPages<T>(
  operation: KlarnaOperation,
  fetchPage: (offset: number) => Promise<KlarnaPage<T>>,
  startOffset: number,
  opts: KlarnaPagingOptions = {}
): AsyncGenerator<T, void, undefined> {
  const maxPages = opts.maxPages ?? DEFAULT_SETTLEMENTS_MAX_PAGES
  if (!Number.isInteger(maxPages) || maxPages < 1) {
    throw new KlarnaApiError({
      type: MedusaError.Types.INVALID_ARGUMENT,
      message: `Cannot ${describeOperation(operation)} with Klarna: maxPages must be a positive integer`,
      operation,
    })
  }
  let offset: number | undefined = startOffset
  for (let pages = 0; offset !== undefined; pages++) {
    if (pages === maxPages) {
      throw new KlarnaApiError({
        type: MedusaError.Types.UNEXPECTED_STATE,
        message: `Klarna still had more results after ${maxPages} pages while trying to ${describeOperation(
          operation
        )}; stopped there. Narrow the request (a shorter date range, one payout) or raise maxPages.`,
        operation,
        retryable: false,
      })
    }
    const page: KlarnaPage<T> = await fetchPage(offset)
    yield* page.items
    offset = nextPageOffset(offset, page.pagination, page.items.length)
  }
}

/** Every item of an async iterable, in order. */
export async function collectAll<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) {
    out.push(item)
  }
  return out
}
