// Benchmark: N orders completed at once, with the automatic capture off and then on, side by side in one
// run. Completions per second with automation off, against captures per second with it on (from the
// first completion request until every Klarna order is captured), and the check that every order was
// captured exactly once in Klarna and recorded in Medusa, and the SQL statements per completion with
// automation off and on (counted in the embedded PostgreSQL's statement log over each run, capture
// included, divided by the orders: scripts/lib/sql-counter.ts). Boots the main command on free ports with its
// data in .bench/. `npm run bench:completions [-- --orders 200 --latency 50]`.
import axios from "axios"
import { placeDemoOrder } from "./lib/place-demo-order"
import { bootBenchStack, inBatches, numberArg } from "./lib/bench-stack"
import { startSqlCounter, type SqlCount } from "./lib/sql-counter"

const ORDERS = numberArg("orders", 200)
const LATENCY_MS = numberArg("latency", 50)
const WARM_UP = 20
const METHODS = ["pay_later", "pay_over_time", "pay_now"]

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9

async function main() {
  const stack = await bootBenchStack("completions")
  let sql: Awaited<ReturnType<typeof startSqlCounter>> | undefined
  try {
    const { api, dataDir } = stack
    const sim = axios.create({ baseURL: stack.simulatorUrl })
    console.log(`Placing ${2 * ORDERS + WARM_UP} orders…`)
    const place = async () => {
      const order = await placeDemoOrder({ dataDir, quantities: [1, 0] })
      const { data } = await api.get(`/admin/klarna/orders/${order.order_id}`)
      return { order_id: order.order_id!, klarna_order_id: data.klarna_order_id as string, amount: data.payment.amount_minor as number }
    }
    // The first order creates the demo customer, which parallel carts would each try to create.
    const placed = [await place(), ...(await inBatches(Array.from({ length: 2 * ORDERS + WARM_UP - 1 }), 4, place))]
    const toggle = (on: boolean) =>
      api.post("/admin/klarna/settings", { toggles: { capture_on_complete: Object.fromEntries(METHODS.map((m) => [m, on])) } })
    const completeAll = (orders: typeof placed) =>
      Promise.all(orders.map((o) => api.post(`/admin/orders/${o.order_id}/complete`, {})))
    await sim.post("/_sim/faults", { path: "/ordermanagement/", latency_ms: LATENCY_MS, times: 0 })

    await toggle(false)
    // Both runs measured warm: the first completions of a fresh process pay for its JIT and pools.
    await completeAll(placed.slice(2 * ORDERS))
    // Each run's SQL: what the database runs from its first completion until it is quiet again after
    // the run (with automation on, after every order is captured), outside the timings.
    const counter = (sql = await startSqlCounter(dataDir))
    const counted = async <T>(run: () => Promise<T>): Promise<{ result: T; sql?: SqlCount }> =>
      counter.measured ? counter.measure(run) : { result: await run() }
    const off = placed.slice(0, ORDERS)
    const offRun = await counted(async () => {
      const started = process.hrtime.bigint()
      await completeAll(off)
      return seconds(started)
    })
    const offSeconds = offRun.result

    await toggle(true)
    const on = placed.slice(ORDERS, 2 * ORDERS)
    const klarnaOf = async (o: (typeof placed)[number]) => (await sim.get(`/_sim/orders/${o.klarna_order_id}`)).data
    const onRun = await counted(async () => {
      const started = process.hrtime.bigint()
      await completeAll(on)
      const completedSeconds = seconds(started)
      for (;;) {
        const states = await inBatches(on, 20, klarnaOf)
        if (states.every((k, i) => k.captured_amount >= on[i].amount)) break
        if (seconds(started) > 600) throw new Error("not every order was captured within 10 minutes")
        await new Promise((r) => setTimeout(r, 250))
      }
      return { completedSeconds, capturedSeconds: seconds(started) }
    })
    const { completedSeconds, capturedSeconds } = onRun.result

    const klarna = await inBatches(on, 20, klarnaOf)
    const medusa = await inBatches(on, 20, async (o) => (await api.get(`/admin/klarna/orders/${o.order_id}`)).data.payment)
    const twice = klarna.filter((k) => k.captures.length !== 1).length
    const unrecorded = medusa.filter((p, i) => p.captured_amount_minor !== klarna[i].captured_amount).length
    const untouched = (await inBatches(off, 20, klarnaOf)).filter((k) => k.captured_amount !== 0).length

    const offRate = ORDERS / offSeconds
    const captureRate = ORDERS / capturedSeconds
    console.log(`\n${ORDERS} orders completed at once, ${LATENCY_MS} ms Klarna latency:`)
    console.log(`  automation off: completed in ${offSeconds.toFixed(1)} s, ${offRate.toFixed(1)} completions/s (${untouched} captured: must be 0)`)
    console.log(`  automation on:  completed in ${completedSeconds.toFixed(1)} s, all captured in ${capturedSeconds.toFixed(1)} s, ${captureRate.toFixed(1)} captures/s`)
    console.log(`  captures/s ÷ completions/s without automation: ${(captureRate / offRate).toFixed(2)}`)
    console.log(`  Klarna orders captured other than once: ${twice}; Medusa payments that disagree with Klarna: ${unrecorded}`)
    const perOrder = (c?: SqlCount) => (c ? `${(c.statements / ORDERS).toFixed(1)} statements (${(c.transactions / ORDERS).toFixed(1)} transactions)` : "")
    console.log(
      counter.measured
        ? `  SQL per completion (mean over ${ORDERS} orders): automation off ${perOrder(offRun.sql)}, on ${perOrder(onRun.sql)} (capture included)`
        : `  SQL per completion: not measured (${counter.reason})`
    )
    if (twice || unrecorded || untouched) process.exitCode = 1
  } finally {
    await sql?.stop()
    await stack.stop()
  }
}

main().catch((e) => {
  console.error(`bench: ${e.message ?? e}${e.response ? ` ${e.config?.method?.toUpperCase()} ${e.config?.url}: ${JSON.stringify(e.response.data)}` : ""}`)
  process.exit(1)
})
