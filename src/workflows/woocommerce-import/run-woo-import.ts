import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { checkShopUrl, createWooReader, importFailureReason, isKlarnaOrder, mapWooOrder, mapWooStatus, privateHostsAllowed, type ImportRegion, type WooOrder } from "../../woocommerce"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../modules/woocommerce-import"
import { klarnaClientFor } from "../../providers/klarna/provider-client"
import { describeKlarnaBaseUrl } from "../../klarna/client"
import { importWooOrder, type ImportOutcome } from "./import-woo-order"
import { loadImportRegions } from "./steps/resolve-import-region"

export interface WooImportOptions {
  statuses?: string[]
  after?: string
  before?: string
  /** ISO date; "auto" (default) continues from the last completed run's high-water mark. */
  modified_after?: string
  /** Only Klarna-paid orders (default) or all orders. */
  klarna_only?: boolean
  dry_run?: boolean
  limit?: number
  include_unpaid?: boolean
  /** Compare with Klarna and let Klarna win; defaults to on against Klarna's real API, off against the simulator. */
  reconcile?: boolean
  per_page?: number
  sales_channel_id?: string
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

/** Starts a run record; the import itself is `runWooImport`. */
export async function createWooImportRun(container: MedusaContainer, shopUrl: string, options: WooImportOptions) {
  const checked = checkShopUrl(shopUrl)
  if (!checked.ok) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, checked.reason)
  }
  const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  return await woo.createWooImportRuns({
    shop_url: checked.url,
    dry_run: !!options.dry_run,
    options: options as any,
    started_at: new Date(),
    status: "running",
  })
}

/**
 * Reads the shop's orders page by page and imports each one. Bad data never
 * aborts the run: every order that cannot be imported is recorded with its id
 * and reason. Progress (the last committed page, counters, high-water mark)
 * is saved after every page, so a crashed run resumes where it stopped.
 * Credentials are used for this run only and never stored.
 *
 * Whatever goes wrong, the run ends "failed" with a reason the merchant can
 * read (and the error is thrown on); it never stays "running".
 */
export async function runWooImport(
  container: MedusaContainer,
  runId: string,
  credentials: WooCredentials,
  onProgress?: (p: ImportProgress) => void,
  guard: WooImportGuard = {}
) {
  const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  try {
    return await importPages(container, woo, runId, credentials, onProgress, guard.allowPrivateHosts ?? privateHostsAllowed())
  } catch (e) {
    await woo
      .updateWooImportRuns({ id: runId, status: "failed", finished_at: new Date(), error: importFailureReason(e) })
      .catch(() => undefined) // the database itself failed: the caller logs the original error
    throw e
  }
}

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
  let regions: ImportRegion[] | undefined
  const salesChannelId = options.sales_channel_id ?? (await defaultSalesChannel(container))
  const reconcile = options.reconcile ?? defaultReconcile(container)
  const counters: ImportProgress = {
    processed: run.processed ?? 0,
    total: run.total ?? 0,
    imported: run.imported ?? 0,
    updated: run.updated ?? 0,
    unchanged: 0,
    skipped: run.skipped ?? 0,
    failed: run.failed ?? 0,
  }
  let highWater = run.high_water_mark ? new Date(run.high_water_mark as any) : undefined
  let modifiedAfter = options.modified_after
  if (!modifiedAfter || modifiedAfter === "auto") {
    const [previous] = await woo.listWooImportRuns(
      { shop_url: run.shop_url, status: "completed", dry_run: false },
      { order: { finished_at: "DESC" }, take: 1 }
    )
    modifiedAfter = previous?.high_water_mark ? new Date(previous.high_water_mark as any).toISOString().slice(0, 19) : undefined
  }

  const record = async (order: Pick<WooOrder, "id" | "number">, result: ImportOutcome) => {
    await woo.createWooImportRecords({
      run_id: runId,
      woo_order_id: Number(order.id),
      woo_number: order.number ? String(order.number) : null,
      medusa_order_id: result.medusa_order_id ?? null,
      outcome: result.outcome,
      reason: result.reason ?? null,
      klarna_order_id: result.klarna_order_id ?? null,
      differences: (result.differences as any) ?? null,
    })
    counters[result.outcome === "unchanged" ? "unchanged" : result.outcome] += 1
  }

  let stop = false
  for await (const page of reader.iterateOrders({
    status: options.statuses,
    after: options.after,
    before: options.before,
    modifiedAfter,
    datesAreGmt: true,
    perPage: options.per_page ?? 100,
    startPage: (run.last_page ?? 0) + 1,
  })) {
    counters.total = page.total
    for (const bad of page.rejected) {
      await record({ id: Number(bad.id) || 0, number: String(bad.id) } as any, { outcome: "failed", reason: bad.reason })
    }
    const candidates = page.orders.filter((o) => options.klarna_only === false || isKlarnaOrder(o))
    counters.skipped += page.orders.length - candidates.length
    const detailed = await reader.enrichOrders(candidates)
    for (const { order, refunds, notes, error } of detailed) {
      if (options.limit && counters.imported + counters.updated + counters.failed + counters.unchanged >= options.limit) {
        stop = true
        break
      }
      const modified = order.date_modified_gmt ? new Date(`${order.date_modified_gmt}Z`) : undefined
      if (modified && (!highWater || modified > highWater)) {
        highWater = modified
      }
      let result: ImportOutcome
      const status = mapWooStatus(order.status, { includeUnpaid: options.include_unpaid })
      if (error) {
        result = { outcome: "failed", reason: error.message }
      } else if (status.action === "skip") {
        result = { outcome: "skipped", reason: status.reason }
      } else {
        const mapped = mapWooOrder(order, { refunds, notes, shopUrl: run.shop_url, includeUnpaid: options.include_unpaid })
        if (!mapped.ok) {
          result = { outcome: "failed", reason: mapped.reason }
        } else {
          try {
            regions ??= run.dry_run ? undefined : await loadImportRegions(container)
            result = await importWooOrder(container, mapped.draft, {
              shop_url: run.shop_url,
              dry_run: run.dry_run,
              reconcile,
              sales_channel_id: salesChannelId,
              regions,
            })
          } catch (e) {
            result = { outcome: "failed", reason: (e as Error).message, klarna_order_id: mapped.draft.klarna.klarna_order_id }
          }
        }
      }
      await record(order, result)
      counters.processed += 1
      onProgress?.({ ...counters })
    }
    await woo.updateWooImportRuns({
      id: runId,
      last_page: page.page,
      total: counters.total,
      processed: counters.processed,
      imported: counters.imported,
      updated: counters.updated,
      skipped: counters.skipped,
      failed: counters.failed,
      high_water_mark: (highWater ?? null) as any,
    })
    if (stop) break
  }
  await woo.updateWooImportRuns({ id: runId, status: "completed", finished_at: new Date(), error: null })
  return counters
}
