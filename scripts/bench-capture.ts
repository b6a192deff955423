// Benchmark: what one capture costs through the plugin's route and through Medusa's own, beside a raw
// Klarna capture call, with injected Klarna latency — Klarna requests per capture and time, medians and
// ratios from one run, and the SQL statements the database runs per capture (counted in the embedded
// PostgreSQL's statement log: scripts/lib/sql-counter.ts). Boots the main command on free ports with its data in .bench/ (a dot folder:
// `medusa develop` does not restart for it, git ignores it). `npm run bench [-- --orders 15 --latency 50]`.
import axios, { type AxiosInstance } from "axios"
import { placeDemoOrder } from "./lib/place-demo-order"
import { bootBenchStack, median, numberArg } from "./lib/bench-stack"
import { startSqlCounter, type SqlCount } from "./lib/sql-counter"

const ORDERS = numberArg("orders", 15)
const LATENCY_MS = numberArg("latency", 50)

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
    console.log(`Placing ${3 * ORDERS} orders…`)
    const orders: Target[] = []
    for (let i = 0; i < 3 * ORDERS; i++) orders.push(await target(api, dataDir))
    const requestsFor = async (t: Target) =>
      ((await axios.get(`${sim}/_sim/requests`, { params: { path_contains: t.klarna_order_id } })).data as unknown[]).length

    await axios.post(`${sim}/_sim/faults`, { path: "/ordermanagement/", latency_ms: LATENCY_MS, times: 0 })
    // Captures run one after another: each one's SQL is what the database runs from its request until
    // the database is quiet again (the timing covers the request only).
    const counter = (sql = await startSqlCounter(dataDir))
    // Klarna requests made before the response (on the capture's path) and in all, once the server is quiet.
    const measured = async (t: Target, run: () => Promise<unknown>): Promise<{ ms: number; on_path: number; sql?: SqlCount }> => {
      const before = await requestsFor(t)
      const one = async () => {
        const ms = await timed(run)
        return { ms, on_path: (await requestsFor(t)) - before }
      }
      if (!counter.measured) return await one()
      const { result, sql } = await counter.measure(one)
      return { ...result, sql }
    }
    const modes: Array<[string, (t: Target) => Promise<unknown>]> = [
      ["raw Klarna capture call", (t) => klarna.post(`/ordermanagement/v1/orders/${t.klarna_order_id}/captures`, { captured_amount: t.amount }, { headers: { "Klarna-Idempotency-Key": `bench-${t.klarna_order_id}` } })],
      ["Medusa's POST /admin/payments/:id/capture", (t) => api.post(`/admin/payments/${t.payment_id}/capture`, {})],
      ["plugin's POST /admin/klarna/orders/:id/capture", (t) => api.post(`/admin/klarna/orders/${t.order_id}/capture`, {})],
    ]
    const results: Array<{ mode: string; ms: number; on_path: number; klarna_requests: number; statements?: number; transactions?: number }> = []
    for (let m = 0; m < modes.length; m++) {
      const [mode, run] = modes[m]
      const ms: number[] = []
      const onPath: number[] = []
      const reqs: number[] = []
      const statements: number[] = []
      const transactions: number[] = []
      for (const t of orders.slice(m * ORDERS, (m + 1) * ORDERS)) {
        const before = await requestsFor(t)
        const one = await measured(t, () => run(t))
        ms.push(one.ms)
        onPath.push(one.on_path)
        if (one.sql) {
          statements.push(one.sql.statements)
          transactions.push(one.sql.transactions)
        }
        reqs.push((await requestsFor(t)) - before)
      }
      results.push({
        mode,
        ms: median(ms),
        on_path: median(onPath),
        klarna_requests: median(reqs),
        ...(statements.length ? { statements: median(statements), transactions: median(transactions) } : {}),
      })
    }
    const raw = results[0].ms
    console.log(`\nOne capture, ${ORDERS} orders each, ${LATENCY_MS} ms Klarna latency (medians):`)
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
