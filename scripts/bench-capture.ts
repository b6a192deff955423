// Benchmark: what one capture costs through the plugin's route and through Medusa's own, beside a raw
// Klarna capture call, with injected Klarna latency — Klarna requests per capture and time, medians and
// ratios from one run, and the SQL statements the database runs per capture (counted in the embedded
// PostgreSQL's statement log: scripts/lib/sql-counter.ts). Boots the main command on free ports with its data in .bench/ (a dot folder:
// `medusa develop` does not restart for it, git ignores it). `npm run bench [-- --orders 15 --latency 50 --sql-orders 3]`: timed
// captures first with statement logging off, then --sql-orders more per route with it on.
import axios, { type AxiosInstance } from "axios"
import { placeDemoOrder } from "./lib/place-demo-order"
import { bootBenchStack, median, numberArg } from "./lib/bench-stack"
import { startSqlCounter, type SqlCount } from "./lib/sql-counter"

const ORDERS = numberArg("orders", 15)
const LATENCY_MS = numberArg("latency", 50)
const SQL_ORDERS = numberArg("sql-orders", 3)

const timed = async (run: () => Promise<unknown>) => {
  const t = process.hrtime.bigint()
  await run()
  return Number(process.hrtime.bigint() - t) / 1e6
}

interface Target {
  order_id: string
  payment_id: string
  klarna_order_id: string
  amount: number
}

async function target(api: AxiosInstance, dataDir: string): Promise<Target> {
  const placed = await placeDemoOrder({ dataDir, quantities: [1, 0] })
  const { data } = await api.get(`/admin/klarna/orders/${placed.order_id}`)
  return { order_id: placed.order_id!, payment_id: data.payment.id, klarna_order_id: data.klarna_order_id, amount: data.payment.amount_minor }
}

async function main() {
  const stack = await bootBenchStack("capture")
  let sql: Awaited<ReturnType<typeof startSqlCounter>> | undefined
  try {
    const { api, dataDir } = stack
    const sim = stack.simulatorUrl
    const klarna = axios.create({ baseURL: sim, auth: { username: "sim_user", password: "sim_password" } })
    const perMode = ORDERS + SQL_ORDERS
    console.log(`Placing ${3 * perMode} orders…`)
    const orders: Target[] = []
    for (let i = 0; i < 3 * perMode; i++) orders.push(await target(api, dataDir))
    const requestsFor = async (t: Target) =>
      ((await axios.get(`${sim}/_sim/requests`, { params: { path_contains: t.klarna_order_id } })).data as unknown[]).length

    await axios.post(`${sim}/_sim/faults`, { path: "/ordermanagement/", latency_ms: LATENCY_MS, times: 0 })
    const modes: Array<[string, (t: Target) => Promise<unknown>]> = [
      ["raw Klarna capture call", (t) => klarna.post(`/ordermanagement/v1/orders/${t.klarna_order_id}/captures`, { captured_amount: t.amount }, { headers: { "Klarna-Idempotency-Key": `bench-${t.klarna_order_id}` } })],
      ["Medusa's POST /admin/payments/:id/capture", (t) => api.post(`/admin/payments/${t.payment_id}/capture`, {})],
      ["plugin's POST /admin/klarna/orders/:id/capture", (t) => api.post(`/admin/klarna/orders/${t.order_id}/capture`, {})],
    ]
    const ordersOf = (m: number) => orders.slice(m * perMode, (m + 1) * perMode)

    // Pass 1, time: captures one after another, statement logging off (it slows every statement).
    // Klarna requests made before the response are the capture's path.
    const timing: Array<{ ms: number; on_path: number }> = []
    for (let m = 0; m < modes.length; m++) {
      const ms: number[] = []
      const onPath: number[] = []
      for (const t of ordersOf(m).slice(0, ORDERS)) {
        const before = await requestsFor(t)
        ms.push(await timed(() => modes[m][1](t)))
        onPath.push((await requestsFor(t)) - before)
      }
      timing.push({ ms: median(ms), on_path: median(onPath) })
    }

    // Pass 2, SQL and Klarna requests in all: each capture's statements are what the database runs from
    // its request until it is quiet again (work after the response included), counted in the server's log.
    const counter = (sql = await startSqlCounter(dataDir))
    const counts: Array<{ klarna_requests: number; statements?: number; transactions?: number }> = []
    for (let m = 0; m < modes.length; m++) {
      const reqs: number[] = []
      const statements: number[] = []
      const transactions: number[] = []
      for (const t of ordersOf(m).slice(ORDERS)) {
        const before = await requestsFor(t)
        if (counter.measured) {
          const { sql: one } = await counter.measure(() => modes[m][1](t))
          statements.push(one.statements)
          transactions.push(one.transactions)
        } else {
          await modes[m][1](t)
          await new Promise((r) => setTimeout(r, 1000))
        }
        reqs.push((await requestsFor(t)) - before)
      }
      counts.push({
        klarna_requests: median(reqs),
        ...(statements.length ? { statements: median(statements), transactions: median(transactions) } : {}),
      })
    }
    const results = modes.map(([mode], m) => ({ mode, ...timing[m], ...counts[m] }))
    const raw = results[0].ms
    console.log(`\nOne capture, ${ORDERS} orders each timed (SQL: ${SQL_ORDERS} more each), ${LATENCY_MS} ms Klarna latency (medians):`)
    for (const r of results) {
      const sqlColumns = r.statements === undefined ? "" : `  ${String(r.statements).padStart(4)} SQL statements (${r.transactions} transaction(s))`
      console.log(`  ${r.mode.padEnd(48)} ${r.ms.toFixed(0).padStart(5)} ms  ${(r.ms / raw).toFixed(1).padStart(4)}× raw  ${r.on_path} Klarna request(s) on the path, ${r.klarna_requests} in all${sqlColumns}`)
    }
    if (!counter.measured) {
      console.log(`  SQL statements: not measured (${counter.reason})`)
    } else {
      const medusa = results[1].statements!
      const plugin = results[2].statements!
      console.log(
        `  SQL statements per capture, plugin's route − Medusa's: ${plugin - medusa > 0 ? "+" : ""}${plugin - medusa} (target ≤ +10: ${plugin - medusa <= 10 ? "met" : "NOT met"})`
      )
    }
  } finally {
    await sql?.stop()
    await stack.stop()
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench: ${e.message ?? e}`)
    process.exit(1)
  }
)
