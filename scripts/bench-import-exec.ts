// Run by scripts/bench-import.ts through `medusa exec`, in the benchmark stack's database: the
// legs of the import benchmark in one process, one after the other, with its memory sampled.
// See bench-import.ts for what is measured.
import fs from "node:fs"
import inspector from "node:inspector"
import path from "node:path"
import { SingleBar, Presets } from "cli-progress"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createOrderPaymentCollectionWorkflow, createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { isKlarnaOrder, mapWooOrder, mapWooStatus, matchImportRegion, type ImportedOrderDraft, type WooOrder } from "../src/woocommerce"
import { createWooImportRun, runWooImport } from "../src/workflows/woocommerce-import/run-woo-import"
import { loadImportRegions } from "../src/workflows/woocommerce-import/steps/resolve-import-region"
import { startSqlCounter, type SqlCount } from "./lib/sql-counter"
import { bareOrderInput } from "./lib/bare-order-input"
import { traceServices } from "./lib/trace-modules"
import { fromMinorUnits } from "../src/klarna/utils/currency"

export type BenchShop = { url: string; orders_file: string }
export type BenchImportRequest = {
  data_dir: string
  /** The legs to run (default all). */
  legs?: Array<"bare" | "per_order" | "batched">
  /** Write a CPU profile of each timed leg into data_dir. */
  profile?: boolean
  /** Time each module method during the timed legs (printed per leg). */
  trace?: boolean
  /** WooCommerce orders per page (the import's per_page). */
  per_page?: number
  consumer_key: string
  consumer_secret: string
  /** Per phase and leg: the fake WooCommerce shop (its own email tag) and its orders for the bare leg. */
  phases: Record<"warm" | "timed" | "sql", Record<"bare" | "per_order" | "batched", BenchShop>>
  result_file: string
}
export type LegResult = { orders: number; seconds: number; rate: number; rss_start: number; rss_peak: number; heap_before: number; heap_after: number; failed?: number }

const TRACED = ["order", "customer", "payment", "query", "link", "woocommerceImport", "product"]

const mb = (bytes: number) => Math.round(bytes / 1048576)

/** The heap in use once garbage is collected (the process runs with --expose-gc): what a leg keeps. */
function heapAfterGc() {
  global.gc?.()
  return process.memoryUsage().heapUsed
}

async function startProfile() {
  const session = new inspector.Session()
  session.connect()
  const post = (method: string, params?: object) => new Promise<any>((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))))
  await post("Profiler.enable")
  await post("Profiler.start")
  return async (file: string) => {
    const { profile } = await post("Profiler.stop")
    fs.writeFileSync(file, JSON.stringify(profile))
    session.disconnect()
  }
}

/** The peak RSS since the last `reset` and over the whole run, sampled every 20 ms. */
function rssSampler() {
  let peak = process.memoryUsage().rss
  let overall = peak
  const sample = () => {
    const rss = process.memoryUsage().rss
    peak = Math.max(peak, rss)
    overall = Math.max(overall, rss)
  }
  const timer = setInterval(sample, 20)
  return {
    reset: () => (peak = process.memoryUsage().rss),
    peak: () => (sample(), peak),
    overall: () => (sample(), overall),
    stop: () => clearInterval(timer),
  }
}

/** The orders an import would import: Klarna-paid, not skipped, mapped. */
function importableDrafts(shop: BenchShop): ImportedOrderDraft[] {
  const orders = JSON.parse(fs.readFileSync(shop.orders_file, "utf8")) as WooOrder[]
  return orders.flatMap((o) => {
    if (!isKlarnaOrder(o) || mapWooStatus(o.status).action === "skip") return []
    const mapped = mapWooOrder(o, { shopUrl: shop.url })
    return mapped.ok ? [mapped.draft] : []
  })
}

async function bare(container: MedusaContainer, shop: BenchShop, label: string) {
  const drafts = importableDrafts(shop)
  const regions = await loadImportRegions(container)
  const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["id", "default_sales_channel_id"] })
  const bar = progressBar(label)
  bar.start(drafts.length, 0, { rate: "0.0", imported: 0, failed: 0 })
  const started = Date.now()
  for (const [i, draft] of drafts.entries()) {
    const input = bareOrderInput(draft, { region_id: matchImportRegion(regions, draft), sales_channel_id: store?.default_sales_channel_id ?? undefined })
    const { result: order } = await createOrderWorkflow(container).run({ input: input as any })
    await createOrderPaymentCollectionWorkflow(container).run({ input: { order_id: order.id, amount: fromMinorUnits(draft.totals.total, draft.currency_code) } })
    bar.update(i + 1, { rate: ((i + 1) / ((Date.now() - started) / 1000)).toFixed(1), imported: i + 1, failed: 0 })
  }
  bar.stop()
  return { orders: drafts.length, failed: 0 }
}

async function plugin(container: MedusaContainer, request: BenchImportRequest, shop: BenchShop, batch: boolean, label: string) {
  const run = await createWooImportRun(container, shop.url, { batch, reconcile: false, modified_after: "2000-01-01T00:00:00", per_page: request.per_page })
  const bar = progressBar(label)
  bar.start(1, 0, { rate: "0.0", imported: 0, failed: 0 })
  const started = Date.now()
  const counters = await runWooImport(
    container,
    run.id,
    { consumer_key: request.consumer_key, consumer_secret: request.consumer_secret },
    (p) => {
      bar.setTotal(Math.max(p.total, p.processed, 1))
      bar.update(p.processed, { rate: (p.imported / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(1), imported: p.imported, failed: p.failed })
    },
    { allowPrivateHosts: true }
  )
  bar.stop()
  return { orders: counters.imported, failed: counters.failed }
}

const progressBar = (label: string) =>
  new SingleBar(
    { format: ` ${label.padEnd(10)} {bar} {percentage}% | {value}/{total} | {rate} imported/s | ETA {eta_formatted} | imported {imported}, failed {failed}`, hideCursor: true },
    Presets.shades_classic
  )

export default async function benchImport({ container }: ExecArgs) {
  const request = JSON.parse(process.env.BENCH_IMPORT_REQUEST ?? "{}") as BenchImportRequest
  const rss = rssSampler()
  const legs = {
    bare: (phase: "warm" | "timed" | "sql") => bare(container, request.phases[phase].bare, "bare"),
    per_order: (phase: "warm" | "timed" | "sql") => plugin(container, request, request.phases[phase].per_order, false, "per-order"),
    batched: (phase: "warm" | "timed" | "sql") => plugin(container, request, request.phases[phase].batched, true, "batched"),
  }
  const names = request.legs ?? (Object.keys(legs) as Array<keyof typeof legs>)
  try {
    console.log("Warm-up (JIT, pools, caches) on a few orders per leg…")
    for (const name of names) await legs[name]("warm")
    const processStart = process.memoryUsage().rss

    console.log("Timed legs, statement logging off:")
    const timed = {} as Record<keyof typeof legs, LegResult>
    for (const name of names) {
      const heap_before = mb(heapAfterGc())
      rss.reset()
      const rss_start = process.memoryUsage().rss
      const stopProfile = request.profile ? await startProfile() : undefined
      const trace = request.trace ? traceServices(container, TRACED) : undefined
      const started = process.hrtime.bigint()
      const { orders, failed } = await legs[name]("timed")
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      await stopProfile?.(path.join(request.data_dir, `${name}.cpuprofile`))
      if (trace) {
        trace.stop()
        console.log(`${name}: time in module methods (ms, calls)`)
        for (const t of trace.report().slice(0, 25)) console.log(`  ${String(t.ms).padStart(7)} ${String(t.calls).padStart(6)}  ${t.label}`)
      }
      const rss_peak = mb(rss.peak())
      timed[name] = { orders, failed, seconds, rate: orders / seconds, rss_start: mb(rss_start), rss_peak, heap_before, heap_after: mb(heapAfterGc()) }
    }

    console.log("SQL per order (statement logging on, separate orders):")
    const sql = {} as Record<keyof typeof legs, (SqlCount & { orders: number }) | { reason: string }>
    const counter = await startSqlCounter(request.data_dir, { maxSettleMs: 10_000 })
    try {
      for (const name of names) {
        if (!counter.measured) {
          sql[name] = { reason: counter.reason }
          continue
        }
        const { result, sql: count } = await counter.measure(() => legs[name]("sql"))
        sql[name] = { ...count, orders: result.orders }
      }
    } finally {
      await counter.stop()
    }
    fs.writeFileSync(request.result_file, JSON.stringify({ timed, sql, rss: { process_start: mb(processStart), process_peak: mb(rss.overall()) } }, null, 2))
  } finally {
    rss.stop()
  }
}
