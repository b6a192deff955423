// Benchmark: N orders completed at once with 10 % of Klarna's capture requests failing (5xx, 429,
// timeouts), first in one process (`npm start`), then on Medusa's distributed setup (`npm start` with
// MEDUSA_WORKER_MODE=server and two `npm run worker`, on Redis), side by side in one run on one
// database (the embedded PostgreSQL in .bench/scale) and one Klarna simulator. For each: the time from
// the first completion until every order is captured in Klarna and recorded in Medusa, the rates, and
// the check that each order was captured exactly once (0 duplicates) and none is left (0 lost).
// `npm run bench:scale [-- --orders 1000 --fault-rate 0.1 --latency 50]`; needs Redis (REDIS_URL,
// default redis://127.0.0.1:6379; the benchmark uses and empties its database 10).
import fs from "node:fs"
import path from "node:path"
import axios from "axios"
import { Client } from "pg"
import { startKlarnaSimulator } from "../klarna-simulator/src"
import { placeDemoOrder } from "./lib/place-demo-order"
import { inBatches, numberArg } from "./lib/bench-stack"
import { isolatedRedis, redisReachable, startCluster, type Cluster } from "./lib/cluster"

const ORDERS = numberArg("orders", 1000)
const FAULT_RATE = numberArg("fault-rate", 0.1)
const LATENCY_MS = numberArg("latency", 50)
const root = path.resolve(__dirname, "..")
const dataDir = path.join(root, ".bench", "scale")
const CREDENTIALS = { username: "bench_user", password: "bench_password" }
const KUSTOM_CREDENTIALS = { username: "bench_kustom", password: "bench_kustom_password" }

type Placed = { order_id: string; klarna_order_id: string }
type Result = { setup: string; seconds: number; completionsPerSecond: number; capturesPerSecond: number; injected: number; duplicates: number; lost: number; mismatched: number }

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9

/** Orders whose payment Medusa holds as captured in full (captured_at set) with one capture transaction. */
async function capturedInMedusa(databaseUrl: string, orderIds: string[]): Promise<Set<string>> {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      `select opc.order_id from order_payment_collection opc
         join payment p on p.payment_collection_id = opc.payment_collection_id and p.deleted_at is null
        where opc.order_id = any($1) and opc.deleted_at is null and p.captured_at is not null
          and (select count(*) from order_transaction t where t.order_id = opc.order_id and t.reference = 'capture' and t.deleted_at is null) = 1`,
      [orderIds]
    )
    return new Set(rows.map((r) => r.order_id as string))
  } finally {
    await client.end()
  }
}

async function run(setup: string, cluster: Cluster, orders: Placed[], simUrl: string, databaseUrl: string): Promise<Result> {
  const sim = axios.create({ baseURL: simUrl })
  await sim.delete("/_sim/faults")
  // One fault per request, the first whose rate hits: errors first, then the latency every other request gets.
  const errorRate = FAULT_RATE / 3
  for (const fault of [
    { method: "POST", path: "/captures", status: 503, rate: errorRate, times: 0 },
    { method: "POST", path: "/captures", status: 429, retry_after: 1, rate: errorRate, times: 0 },
    { method: "POST", path: "/captures", hang: true, rate: errorRate, times: 0 },
    { path: "/ordermanagement/", latency_ms: LATENCY_MS, times: 0 },
  ]) {
    await sim.post("/_sim/faults", fault)
  }
  console.log(`${setup}: completing ${orders.length} orders at once…`)
  const started = process.hrtime.bigint()
  let completed = 0
  await Promise.all(orders.map((o) => cluster.admin.post(`/admin/orders/${o.order_id}/complete`, {}).then(() => completed++)))
  const completionSeconds = seconds(started)
  const ids = orders.map((o) => o.order_id)
  const deadline = Date.now() + 20 * 60_000
  let done = new Set<string>()
  while (Date.now() < deadline) {
    done = await capturedInMedusa(databaseUrl, ids)
    if (done.size === ids.length) break
    await new Promise((r) => setTimeout(r, 1000))
  }
  const total = seconds(started)
  const faults = (await sim.get("/_sim/faults")).data as Array<{ hits: number; latency_ms?: number }>
  const injected = faults.filter((f) => !f.latency_ms).reduce((s, f) => s + f.hits, 0)
  await sim.delete("/_sim/faults")
  let duplicates = 0
  let mismatched = 0
  await inBatches(orders, 16, async (o) => {
    const k = (await sim.get(`/_sim/orders/${o.klarna_order_id}`)).data
    if (k.captures.length > 1) duplicates++
    else if (k.captured_amount !== k.order_amount) mismatched++
  })
  return {
    setup,
    seconds: total,
    completionsPerSecond: completed / completionSeconds,
    capturesPerSecond: done.size / total,
    injected,
    duplicates,
    lost: ids.length - done.size,
    mismatched,
  }
}

async function main() {
  const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"
  if (!(await redisReachable(redisUrl))) {
    throw new Error(`No Redis at ${redisUrl}: the distributed setup needs one (set REDIS_URL).`)
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
  const simulator = await startKlarnaSimulator({ port: 0, credentials: [CREDENTIALS], kustom: { credentials: [KUSTOM_CREDENTIALS] } })
  // Both connections on this one simulator (its faults and request log): with either left without
  // credentials, npm start would start a simulator of its own and hand that one to the order placing.
  const klarnaEnv = {
    KLARNA_BASE_URL: simulator.url,
    KLARNA_USERNAME: CREDENTIALS.username,
    KLARNA_PASSWORD: CREDENTIALS.password,
    KUSTOM_BASE_URL: `${simulator.url}/kustom`,
    KUSTOM_USERNAME: KUSTOM_CREDENTIALS.username,
    KUSTOM_PASSWORD: KUSTOM_CREDENTIALS.password,
    KLARNA_SIMULATOR_URL: simulator.url,
    KLARNA_TIMEOUT_MS: "3000",
    LOG_LEVEL: "warn",
  }
  const results: Result[] = []
  let cluster: Cluster | undefined
  try {
    console.log("Booting one process (npm start)…")
    cluster = await startCluster({ dataDir, redisUrl: "", mode: "shared", workers: 0, env: klarnaEnv })
    const databaseUrl = JSON.parse(fs.readFileSync(path.join(dataDir, "runtime.json"), "utf8")).env.DATABASE_URL as string
    console.log(`Placing ${2 * ORDERS} orders…`)
    const place = async (): Promise<Placed> => {
      const p = await placeDemoOrder({ dataDir, quantities: [1, 0] })
      const { data } = await cluster!.admin.get(`/admin/orders/${p.order_id}`, { params: { fields: "id,payment_collections.payments.data" } })
      return { order_id: p.order_id!, klarna_order_id: data.order.payment_collections[0].payments[0].data.klarna_order_id }
    }
    const placed = [await place(), ...(await inBatches(Array.from({ length: 2 * ORDERS - 1 }), 8, place))]
    results.push(await run("one process", cluster, placed.slice(0, ORDERS), simulator.url, databaseUrl))
    await cluster.stop()

    console.log("Booting a server and two workers on Redis…")
    cluster = await startCluster({ dataDir, redisUrl: await isolatedRedis(redisUrl, 10), mode: "server", workers: 2, env: klarnaEnv })
    const clusterDatabaseUrl = JSON.parse(fs.readFileSync(path.join(dataDir, "runtime.json"), "utf8")).env.DATABASE_URL as string
    results.push(await run("server + 2 workers", cluster, placed.slice(ORDERS), simulator.url, clusterDatabaseUrl))
  } finally {
    await cluster?.stop()
    await simulator.close()
  }
  const [one, two] = results
  console.log(`\n${ORDERS} orders per setup, ${Math.round(FAULT_RATE * 100)} % of Klarna captures faulted (5xx, 429, timeouts), ${LATENCY_MS} ms Klarna latency`)
  console.log("| setup | all captured after | completions/s | captures/s | faults injected | duplicates | lost | amount differs |")
  console.log("|---|---|---|---|---|---|---|---|")
  for (const r of results) {
    console.log(`| ${r.setup} | ${r.seconds.toFixed(1)} s | ${r.completionsPerSecond.toFixed(1)} | ${r.capturesPerSecond.toFixed(1)} | ${r.injected} | ${r.duplicates} | ${r.lost} | ${r.mismatched} |`)
  }
  if (one && two) console.log(`captures/s, server + 2 workers ÷ one process: ${(two.capturesPerSecond / one.capturesPerSecond).toFixed(2)}×`)
  if (results.some((r) => r.duplicates || r.lost || r.mismatched)) process.exitCode = 1
}

main().catch((e) => {
  console.error(e?.stack ?? e)
  process.exit(1)
})
