/**
 * `enrichOrders`: each order with its refunds and notes, at most `concurrency`
 * requests at a time. An order that vanished (404) keeps its `error` and empty
 * details; any other error stops further requests and is thrown.
 */
import pLimit from "p-limit"
import { WooImportError } from "../woo-import-error"
import type { WooNote, WooOrder, WooRefund } from "../woo-schemas"
import type { WooHttp } from "./http"
import type { EnrichOptions, WooOrderWithDetails, WooReader } from "./types"

export function createEnrichOrders(
  { listRefunds, listNotes }: Pick<WooReader, "listRefunds" | "listNotes">,
  log: WooHttp["log"],
  concurrency: number | undefined
): WooReader["enrichOrders"] {
  const limit = pLimit(Math.max(1, concurrency ?? 4))

  return async function enrichOrders(orders: readonly WooOrder[], options: EnrichOptions = {}): Promise<WooOrderWithDetails[]> {
    const refundsMode = options.refunds ?? "when-listed"
    const withNotes = options.notes ?? true
    let fatal: unknown
    const guarded = <T>(fn: () => Promise<T>, fallback: T) =>
      limit(async () => {
        if (fatal) return fallback // a fatal error already happened: do not start more requests
        return fn()
      })
    const results = orders.map(async (order): Promise<WooOrderWithDetails> => {
      const wantRefunds = refundsMode === "always" || (refundsMode === "when-listed" && order.refunds.length > 0)
      try {
        const [refunds, notes] = await Promise.all([
          wantRefunds ? guarded(() => listRefunds(order.id), [] as WooRefund[]) : Promise.resolve([] as WooRefund[]),
          withNotes ? guarded(() => listNotes(order.id), [] as WooNote[]) : Promise.resolve([] as WooNote[]),
        ])
        return { order, refunds, notes }
      } catch (e) {
        if (e instanceof WooImportError && e.status === 404) {
          log("warn", `WooCommerce order ${order.id} vanished while reading its details: ${e.message}`)
          return { order, refunds: [], notes: [], error: e }
        }
        fatal = fatal ?? e
        throw e
      }
    })
    const settled = await Promise.allSettled(results)
    if (fatal) throw fatal
    return settled.map((s) => {
      if (s.status === "fulfilled") return s.value
      throw s.reason
    })
  }
}
