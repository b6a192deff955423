import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  checkShopUrl,
  createWooReader,
  earlier,
  importFailureReason,
  isKlarnaOrder,
  later,
  mapWooOrder,
  mapWooStatus,
  nextImportMark,
  privateHostsAllowed,
  sealWooCredentials,
  wooModifiedDate,
  type ImportedOrderDraft,
  type ImportRegion,
  type WooOrder,
} from "../../woocommerce"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../modules/woocommerce-import"
import { klarnaClientFor } from "../../providers/klarna/provider-client"
import { describeKlarnaBaseUrl } from "../../klarna/client"
import type { ImportOrderOptions, ImportOutcome } from "./import-woo-order"
import { importOrFail, importWooOrdersBatch } from "./import-woo-orders-batch"
import { loadImportRegions } from "./steps/resolve-import-region"
import { importServerSecret } from "./import-server-secret"
import { keepImportRunAlive } from "./import-heartbeat"

export interface WooImportOptions {
  statuses?: string[]
  after?: string
  before?: string
  /** ISO date; "auto" (default) continues from the last completed run's mark. */
  modified_after?: string
  /** Only Klarna-paid orders (default) or all orders, the others as history. */
  klarna_only?: boolean
  dry_run?: boolean
  limit?: number
  include_unpaid?: boolean
  /** Compare with Klarna and let Klarna win; defaults to on against Klarna's real API, off against the simulator. */
  reconcile?: boolean
  per_page?: number
  sales_channel_id?: string
  /** Import each page's new orders together, in one workflow run (default); false: one run per order. */
  batch?: boolean
}

export interface WooCredentials {
  consumer_key: string
  consumer_secret: string
}

export interface WooImportGuard {
  /**
   * Whether the shop may be on this server or a private network. Default: the
   * WOOCOMMERCE_IMPORT_ALLOW_PRIVATE_HOSTS setting; the command line passes true.
   */
  allowPrivateHosts?: boolean
}

export type ImportProgress = { processed: number; total: number; imported: number; updated: number; unchanged: number; skipped: number; failed: number }

function defaultReconcile(container: MedusaContainer): boolean {
  try {
    return describeKlarnaBaseUrl(klarnaClientFor(container).baseUrl) !== null
  } catch {
    return false
  }
}

async function defaultSalesChannel(container: MedusaContainer): Promise<string | undefined> {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["id", "default_sales_channel_id"] })
  return store?.default_sales_channel_id ?? undefined
}

const asDate = (v: unknown): Date | null => (v ? new Date(v as any) : null)

/** Where an incremental run of the shop reads from: the explicit date, or the last completed run's mark. */
async function startingMark(woo: WooCommerceImportService, shopUrl: string, options: WooImportOptions): Promise<Date | null> {
  if (options.modified_after && options.modified_after !== "auto") {
    const explicit = new Date(options.modified_after)
    if (Number.isNaN(explicit.getTime())) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `modified_after must be a date or "auto" (got ${options.modified_after}).`)
    }
    return explicit
  }
  const [previous] = await woo.listWooImportRuns(
    { shop_url: shopUrl, status: "completed", dry_run: false },
    { order: { finished_at: "DESC" }, take: 1, select: ["id", "next_mark", "high_water_mark"] }
  )
  // Runs completed before `next_mark` existed kept their mark in high_water_mark.
  return asDate(previous?.next_mark ?? previous?.high_water_mark)
}

/**
 * Starts a run record with where it reads from. With credentials (the admin's
 * runs), they are kept sealed with the server's secret until the run ends, so
 * the run survives a restart and another process can finish it.
 */
export async function createWooImportRun(container: MedusaContainer, shopUrl: string, options: WooImportOptions, credentials?: WooCredentials) {
  const checked = checkShopUrl(shopUrl)
  if (!checked.ok) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, checked.reason)
  }
  const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const run = await woo.createWooImportRuns({
    shop_url: checked.url,
    dry_run: !!options.dry_run,
    options: options as any,
    started_at: new Date(),
    started_from: (await startingMark(woo, checked.url, options)) as any,
    heartbeat_at: new Date() as any,
    status: "running",
  })
  const secret = credentials ? importServerSecret(container) : undefined
  if (credentials && secret) {
    return await woo.updateWooImportRuns({ id: run.id, sealed_credentials: sealWooCredentials(credentials, secret, run.id) })
  }
  return run
}

/**
 * Reads the shop's orders page by page and imports each one. Bad data never
 * aborts the run: every order read gets a report row (imported, updated,
 * unchanged, skipped or failed, with the reason). Progress (the last committed
 * page, counters, marks) is saved after every page and a heartbeat while it
 * runs, so a run whose process died is resumed where it stopped.
 *
 * Whatever goes wrong, the run ends "failed" with a reason the merchant can
 * read (and the error is thrown on); it never stays "running". Its sealed
 * credentials are erased when it ends either way.
 */
export async function runWooImport(
  container: MedusaContainer,
  runId: string,
  credentials: WooCredentials,
  onProgress?: (p: ImportProgress) => void,
  guard: WooImportGuard = {}
) {
  const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const alive = keepImportRunAlive(woo, runId)
  try {
    const result = await importPages(container, woo, runId, credentials, onProgress, guard.allowPrivateHosts ?? privateHostsAllowed())
    await alive.stop()
    return result
  } catch (e) {
    await alive.stop()
    await woo
      .updateWooImportRuns({ id: runId, status: "failed", finished_at: new Date(), error: importFailureReason(e), sealed_credentials: null })
      .catch(() => undefined) // the database itself failed: the caller logs the original error
    throw e
  }
}

type Settled = { order: Pick<WooOrder, "id" | "number">; modified: Date | null; result: ImportOutcome }

async function importPages(
  container: MedusaContainer,
  woo: WooCommerceImportService,
  runId: string,
  credentials: WooCredentials,
  onProgress: ((p: ImportProgress) => void) | undefined,
  allowPrivateHosts: boolean
) {
  const run = await woo.retrieveWooImportRun(runId)
  const options = (run.options ?? {}) as WooImportOptions
  const reader = createWooReader({
    url: run.shop_url,
    consumerKey: credentials.consumer_key,
    consumerSecret: credentials.consumer_secret,
    blockPrivateAddresses: !allowPrivateHosts,
  })
  const excluded = new Set(
    (await woo.listWooImportExclusions({ shop_url: run.shop_url }, { select: ["woo_order_id"], take: null as any })).map((e) => Number(e.woo_order_id))
  )
  let regions: ImportRegion[] | undefined
  const importOptions = async (): Promise<ImportOrderOptions> => ({
    shop_url: run.shop_url,
    dry_run: run.dry_run,
    reconcile: options.reconcile ?? defaultReconcile(container),
    sales_channel_id: options.sales_channel_id ?? (await defaultSalesChannel(container)),
    regions: (regions ??= await loadImportRegions(container)),
  })
  let shared: ImportOrderOptions | undefined
  const counters: ImportProgress = {
    processed: run.processed ?? 0,
    total: run.total ?? 0,
    imported: run.imported ?? 0,
    updated: run.updated ?? 0,
    unchanged: 0,
    skipped: run.skipped ?? 0,
    failed: run.failed ?? 0,
  }
  const marks = {
    started_from: asDate(run.started_from),
    high_water: asDate(run.high_water_mark),
    failure_mark: asDate(run.failure_mark),
    failure_without_date: !!run.failure_without_date,
  }
  const startedFrom = marks.started_from ? marks.started_from.toISOString().slice(0, 19) : undefined

  let stop = false
  for await (const page of reader.iterateOrders({
    status: options.statuses,
    after: options.after,
    before: options.before,
    modifiedAfter: startedFrom,
    datesAreGmt: true,
    perPage: options.per_page ?? 100,
    startPage: (run.last_page ?? 0) + 1,
  })) {
    counters.total = page.total
    const settled: Settled[] = page.rejected.map((bad) => ({
      order: { id: Number(bad.id) || 0, number: String(bad.id ?? "") } as any,
      modified: wooModifiedDate(bad.modified_gmt),
      result: { outcome: "failed" as const, reason: bad.reason },
    }))
    const toRead: WooOrder[] = []
    for (const order of page.orders) {
      const modified = wooModifiedDate(order.date_modified_gmt)
      if (excluded.has(Number(order.id))) {
        settled.push({ order, modified, result: { outcome: "skipped", reason: "excluded by the merchant" } })
      } else if (options.klarna_only !== false && !isKlarnaOrder(order)) {
        const method = order.payment_method_title || order.payment_method || "none"
        settled.push({ order, modified, result: { outcome: "skipped", reason: `not paid with Klarna (payment method: ${method})` } })
      } else {
        toRead.push(order)
      }
    }
    const drafts: Array<{ order: WooOrder; modified: Date | null; draft: ImportedOrderDraft }> = []
    for (const { order, refunds, notes, error } of await reader.enrichOrders(toRead)) {
      if (options.limit && counters.imported + counters.updated + counters.failed + counters.unchanged + drafts.length >= options.limit) {
        stop = true
        break
      }
      const modified = wooModifiedDate(order.date_modified_gmt)
      const status = mapWooStatus(order.status, { includeUnpaid: options.include_unpaid })
      if (error) {
        settled.push({ order, modified, result: { outcome: "failed", reason: error.message } })
        continue
      }
      if (status.action === "skip") {
        settled.push({ order, modified, result: { outcome: "skipped", reason: status.reason } })
        continue
      }
      const mapped = mapWooOrder(order, {
        refunds,
        notes,
        shopUrl: run.shop_url,
        includeUnpaid: options.include_unpaid,
        klarnaOnly: options.klarna_only !== false,
      })
      if (!mapped.ok) {
        settled.push({ order, modified, result: { outcome: "failed", reason: mapped.reason } })
        continue
      }
      drafts.push({ order, modified, draft: mapped.draft })
    }
    if (drafts.length) {
      shared ??= await importOptions()
      const results = await (options.batch === false ? importDrafts : importWooOrdersBatch)(container, drafts.map((d) => d.draft), shared)
      drafts.forEach((d, i) => settled.push({ order: d.order, modified: d.modified, result: results[i] }))
    }

    await recordSettled(woo, runId, settled)
    for (const { modified, result } of settled) {
      counters[result.outcome] += 1
      counters.processed += 1
      if (result.outcome === "failed") {
        if (modified) marks.failure_mark = earlier(marks.failure_mark, modified)
        else marks.failure_without_date = true
      } else {
        marks.high_water = later(marks.high_water, modified)
      }
    }
    onProgress?.({ ...counters })
    await woo.updateWooImportRuns({
      id: runId,
      last_page: page.page,
      total: counters.total,
      processed: counters.processed,
      imported: counters.imported,
      updated: counters.updated,
      skipped: counters.skipped,
      failed: counters.failed,
      high_water_mark: marks.high_water as any,
      failure_mark: marks.failure_mark as any,
      failure_without_date: marks.failure_without_date,
      heartbeat_at: new Date() as any,
    })
    if (stop) break
  }
  await woo.updateWooImportRuns({
    id: runId,
    status: "completed",
    finished_at: new Date(),
    error: null,
    sealed_credentials: null,
    next_mark: nextImportMark({ ...marks, complete: !stop }) as any,
  })
  return counters
}

/** One workflow run per order (`batch: false`), each order with its own outcome. */
async function importDrafts(container: MedusaContainer, drafts: ImportedOrderDraft[], options: ImportOrderOptions): Promise<ImportOutcome[]> {
  const results: ImportOutcome[] = []
  for (const draft of drafts) {
    results.push(await importOrFail(container, draft, options))
  }
  return results
}

async function recordSettled(woo: WooCommerceImportService, runId: string, settled: Settled[]) {
  if (!settled.length) return
  await woo.createWooImportRecords(
    settled.map(({ order, result }) => ({
      run_id: runId,
      woo_order_id: Number(order.id),
      woo_number: order.number ? String(order.number) : null,
      medusa_order_id: result.medusa_order_id ?? null,
      outcome: result.outcome,
      reason: result.reason ?? null,
      klarna_order_id: result.klarna_order_id ?? null,
      differences: (result.differences as any) ?? null,
    }))
  )
}
