// Benchmark: the WooCommerce import's rate against Medusa's own order creation, side by side in one
// run. The same generated WooCommerce orders (fake-woocommerce's generator, each leg its own copy with
// its own customers' emails) go (1) through Medusa's bare createOrderWorkflow plus a payment collection
// per order (createOrderPaymentCollectionWorkflow), (2) through runWooImport one order per workflow run
// (batch: false, the per-order path) and (3) through runWooImport batched by page (the default), each
// from a fake WooCommerce served by this process. Reports imported orders/s per leg and the ratios,
// the importing process's RSS (start and peak of each leg: memory must stay flat), and the SQL
// statements and transactions per order on --sql-orders more orders per leg (statement logging slows
// every statement, so timing is done without it). The legs run in one `medusa exec` process against
// the benchmark stack's database (the main command booted with its data in .bench/import).
// `npm run bench:import [-- --orders 1000 --sql-orders 100 --per-page 100 --legs bare,per_order,batched --profile --trace]`
// (--profile writes a CPU profile of each timed leg to .bench/import/<leg>.cpuprofile; --trace prints the
// time spent in each module method per leg).
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { generateWooDataset, startFakeWooCommerce, DEFAULT_CONSUMER_KEY, DEFAULT_CONSUMER_SECRET, type RunningFakeWooCommerce, type WooOrder } from "../fake-woocommerce/src"
import { bootBenchStack, numberArg } from "./lib/bench-stack"
import type { BenchImportRequest, BenchShop, LegResult } from "./bench-import-exec"

const ORDERS = numberArg("orders", 1000)
const SQL_ORDERS = numberArg("sql-orders", 100)
const PER_PAGE = numberArg("per-page", 100)
const WARM_ORDERS = 30
const ALL_LEGS = ["bare", "per_order", "batched"] as const
const legsArg = process.argv.indexOf("--legs")
const LEGS = (legsArg > 0 ? process.argv[legsArg + 1].split(",") : ALL_LEGS) as Array<(typeof ALL_LEGS)[number]>
const PROFILE = process.argv.includes("--profile")
const TRACE = process.argv.includes("--trace")

const root = path.resolve(__dirname, "..")

/** The orders with every customer email tagged, so each leg creates its own customers. */
const tagged = (orders: WooOrder[], tag: string): WooOrder[] =>
  orders.map((o) => ({
    ...o,
    billing: { ...o.billing, email: o.billing?.email ? o.billing.email.replace("@", `+${tag}@`) : o.billing?.email },
    meta_data: o.meta_data.map((m) => (m.key === "_shipping_email" && typeof m.value === "string" ? { ...m, value: m.value.replace("@", `+${tag}@`) } : m)),
  }))

function medusaExec(env: NodeJS.ProcessEnv): Promise<number> {
  const pkg = require.resolve("@medusajs/cli/package.json", { paths: [root] })
  const bin = JSON.parse(fs.readFileSync(pkg, "utf8")).bin
  const cli = path.join(path.dirname(pkg), typeof bin === "string" ? bin : bin.medusa)
  const child = spawn(process.execPath, ["--expose-gc", cli, "exec", "./scripts/bench-import-exec.ts"], { cwd: root, env, stdio: "inherit" })
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)))
}

async function main() {
  const stack = await bootBenchStack("import")
  const servers: RunningFakeWooCommerce[] = []
  try {
    const { orders } = generateWooDataset(WARM_ORDERS + ORDERS + SQL_ORDERS, 7)
    const slices = { warm: orders.slice(0, WARM_ORDERS), timed: orders.slice(WARM_ORDERS, WARM_ORDERS + ORDERS), sql: orders.slice(WARM_ORDERS + ORDERS) }
    const phases = {} as BenchImportRequest["phases"]
    for (const [phase, slice] of Object.entries(slices) as Array<[keyof typeof slices, WooOrder[]]>) {
      phases[phase] = {} as Record<(typeof LEGS)[number], BenchShop>
      for (const leg of LEGS) {
        const shopOrders = tagged(slice, `${leg}-${phase}`)
        const woo = await startFakeWooCommerce({ orders: shopOrders })
        servers.push(woo)
        const orders_file = path.join(stack.dataDir, `orders-${leg}-${phase}.json`)
        fs.writeFileSync(orders_file, JSON.stringify(shopOrders))
        phases[phase][leg] = { url: woo.url, orders_file }
      }
    }
    const runtime = JSON.parse(fs.readFileSync(path.join(stack.dataDir, "runtime.json"), "utf8"))
    const result_file = path.join(stack.dataDir, "result.json")
    const request: BenchImportRequest = { legs: LEGS, profile: PROFILE, trace: TRACE, per_page: PER_PAGE, data_dir: stack.dataDir, consumer_key: DEFAULT_CONSUMER_KEY, consumer_secret: DEFAULT_CONSUMER_SECRET, phases, result_file }
    console.log(`${ORDERS} generated WooCommerce orders per leg (+${SQL_ORDERS} for counting SQL, +${WARM_ORDERS} to warm up), in one process:`)
    const code = await medusaExec({ ...process.env, ...runtime.env, MEDUSA_KLARNA_DATA_DIR: stack.dataDir, BENCH_IMPORT_REQUEST: JSON.stringify(request) })
    if (code !== 0) throw new Error(`the benchmark process exited with ${code}`)
    report(JSON.parse(fs.readFileSync(result_file, "utf8")))
  } finally {
    await Promise.all(servers.map((s) => s.close()))
    await stack.stop()
  }
}

function report(result: { timed: Record<string, LegResult>; sql: Record<string, any>; rss: { process_start: number; process_peak: number } }) {
  const { timed, sql } = result
  const names: Record<string, string> = {
    bare: "Medusa createOrderWorkflow + payment collection",
    per_order: "plugin import, one workflow run per order",
    batched: "plugin import, one workflow run per page",
  }
  console.log("")
  for (const leg of LEGS) {
    const t = timed[leg]
    const s = sql[leg]
    const perOrder = s && "statements" in s ? `, ${(s.statements / s.orders).toFixed(1)} SQL statements and ${(s.transactions / s.orders).toFixed(1)} transactions per order` : s ? ` (SQL not counted: ${s.reason})` : ""
    console.log(
      `  ${names[leg].padEnd(48)} ${t.orders} orders in ${t.seconds.toFixed(1)} s: ${t.rate.toFixed(1)} orders/s; RSS ${t.rss_start} → peak ${t.rss_peak} MB (×${(t.rss_peak / t.rss_start).toFixed(2)}), heap kept ${t.heap_before} → ${t.heap_after} MB${perOrder}`
    )
  }
  const ratio = (a: string, b: string) => (timed[a] && timed[b] ? `${(timed[a].rate / timed[b].rate).toFixed(2)}×` : "not run")
  console.log(`\n  per-order import ÷ Medusa bare: ${ratio("per_order", "bare")}`)
  console.log(`  batched import ÷ Medusa bare:   ${ratio("batched", "bare")} (target ≥ 3×)`)
  console.log(`  batched ÷ per-order:            ${ratio("batched", "per_order")}`)
  console.log(`  importing process RSS: ${result.rss.process_start} MB after warm-up, peak ${result.rss.process_peak} MB over all legs`)
  const { batched, bare } = timed
  if ((batched && bare && batched.rate / bare.rate < 3) || (batched && batched.rss_peak > 2 * batched.rss_start)) process.exitCode = 1
}

main().catch((e) => {
  console.error(`bench:import: ${e.message ?? e}`)
  process.exit(1)
})
