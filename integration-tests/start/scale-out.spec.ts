import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { MathBN } from "@medusajs/framework/utils"
import { generateWooOrders, startFakeWooCommerce, DEFAULT_CONSUMER_KEY, DEFAULT_CONSUMER_SECRET } from "../../fake-woocommerce/src"
import { placeDemoOrder } from "../../scripts/lib/place-demo-order"
import { inBatches } from "../../scripts/lib/bench-stack"
import { isolatedRedis, startCluster, type Cluster } from "../../scripts/lib/cluster"

/**
 * Medusa's distributed setup for real: `npm start` as the HTTP server (MEDUSA_WORKER_MODE=server)
 * and two `npm run worker` processes on one PostgreSQL and one Redis. Orders are completed through
 * the server; their captures run in the workers; one worker is SIGKILLed in the middle of the burst,
 * while Klarna (the simulator) has captured but its answers are still on their way. Then, with a
 * restarted worker beside the survivor: every other automation, the retry job and a WooCommerce
 * import (its worker killed too) across the processes.
 */
jest.setTimeout(600_000)

const redisUrl = process.env.REDIS_URL
if (!redisUrl) {
  // Straight to the terminal: Jest drops the console output of a file whose tests are all skipped.
  process.stderr.write("\nscale-out test skipped: it needs Redis, and REDIS_URL is not set (e.g. REDIS_URL=redis://127.0.0.1:6379 npm test)\n")
}
const describeWithRedis = redisUrl ? describe : describe.skip

const ORDERS = 30
const server = { host: process.env.DB_HOST || "localhost", port: Number(process.env.DB_PORT || 5432), user: process.env.DB_USERNAME || "postgres", password: process.env.DB_PASSWORD || "" }
const dbName = `mk_scale_${process.pid}_${Date.now()}`
const auth = server.password ? `${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}` : encodeURIComponent(server.user)

async function sql(query: string, params: unknown[] = []): Promise<any[]> {
  const client = new Client({ ...server, password: server.password || undefined, database: dbName })
  await client.connect()
  try {
    return (await client.query(query, params)).rows
  } finally {
    await client.end()
  }
}

async function adminSql(query: string) {
  const client = new Client({ ...server, password: server.password || undefined, database: "postgres" })
  await client.connect()
  try {
    await client.query(query)
  } finally {
    await client.end()
  }
}

const until = async (what: string, check: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`)
    await new Promise((r) => setTimeout(r, 1000))
  }
}

describeWithRedis("a server and two workers on Redis", () => {
  let cluster: Cluster
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mk-scale-"))

  beforeAll(async () => {
    await adminSql(`CREATE DATABASE "${dbName}"`)
    cluster = await startCluster({
      dataDir,
      redisUrl: await isolatedRedis(redisUrl!, 9),
      workers: 2,
      env: {
        DATABASE_URL: `postgres://${auth}@${server.host}:${server.port}/${dbName}`,
        // Short enough for a test: how long a dead process's claim and unanswered capture keep others off.
        KLARNA_ACTION_LEASE_MS: "10000",
        KLARNA_UNFINISHED_CAPTURE_AFTER_MS: "10000",
        // Pinned: the retry test fails a capture exactly as often as the client tries it inline.
        KLARNA_MAX_RETRIES: "3",
        // The import test's fake WooCommerce runs on this machine; a killed run is taken over after 6 s.
        WOOCOMMERCE_IMPORT_ALLOW_PRIVATE_HOSTS: "true",
        WOOCOMMERCE_IMPORT_STALE_AFTER_MS: "6000",
      },
    })
  })

  afterAll(async () => {
    await cluster?.stop()
    await adminSql(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {})
  })

  it("loses nothing when a worker is killed mid-burst: every order captured once in Klarna and recorded once in Medusa", async () => {
    const { admin, sim } = cluster
    const place = () => placeDemoOrder({ dataDir, quantities: [1, 0] })
    // The first order creates the demo customer, which parallel carts would each try to create.
    const placed = [await place(), ...(await inBatches(Array.from({ length: ORDERS - 1 }), 4, place))]
    const orders = await Promise.all(
      placed.map(async (p) => {
        const { data } = await admin.get(`/admin/orders/${p.order_id}`, { params: { fields: "id,total,payment_collections.payments.data" } })
        return { id: data.order.id as string, total: data.order.total as number, klarna_order_id: data.order.payment_collections[0].payments[0].data.klarna_order_id as string }
      })
    )
    // Klarna captures at once and answers 300 ms later: a worker killed meanwhile never learns of its captures.
    await sim.post("/_sim/faults", { method: "POST", path: "/captures", after: true, latency_ms: 300, times: 0 })
    const captures = async () => (await sim.get("/_sim/requests", { params: { path_contains: "/captures" } })).data.length as number

    const completions = inBatches(orders, 10, (o) => admin.post(`/admin/orders/${o.id}/complete`, {}))
    await until("the workers capturing", async () => (await captures()) >= 8, 120_000)
    const [victim, survivor] = cluster.workers
    victim.kill("SIGKILL")
    await victim.exited
    await completions

    const klarnaOf = async (o: (typeof orders)[number]) => (await sim.get(`/_sim/orders/${o.klarna_order_id}`)).data
    const medusaOf = async (o: (typeof orders)[number]) =>
      (
        await admin.get(`/admin/orders/${o.id}`, {
          params: { fields: "id,payment_status,summary.*,payment_collections.payments.captured_at,payment_collections.payments.captures.amount" },
        })
      ).data.order
    const settled = async () => {
      const medusa = await Promise.all(orders.map(medusaOf))
      return medusa.every((m) => m.payment_status === "captured")
    }
    await until("every order captured in Medusa", settled, 300_000)

    for (const o of orders) {
      const klarna = await klarnaOf(o)
      const medusa = await medusaOf(o)
      const rows = medusa.payment_collections.flatMap((c: any) => c.payments.flatMap((p: any) => p.captures))
      // Klarna captured the whole order once, and that is Medusa's total to the öre.
      expect({ order: o.id, klarna_captures: klarna.captures.length, klarna_captured: klarna.captured_amount, klarna_order_amount: klarna.order_amount }).toEqual({
        order: o.id,
        klarna_captures: 1,
        klarna_captured: minor(o.total),
        klarna_order_amount: minor(o.total),
      })
      expect({ order: o.id, rows: rows.length, captured: rows.reduce((s: number, r: any) => s + Number(r.amount), 0), paid: medusa.summary.paid_total }).toEqual({
        order: o.id,
        rows: 1,
        captured: o.total,
        paid: o.total,
      })
    }
    // The survivor kept working; the event log has one succeeded capture per order, and shows the kill
    // hit work in flight (actions taken over from the dead worker), and nothing for the merchant.
    expect(survivor.child.exitCode).toBeNull()
    const client = new Client({ ...server, password: server.password || undefined, database: dbName })
    await client.connect()
    const { rows } = await client
      .query(`select order_id, outcome, message, attempts from klarna_event where action = 'capture' and deleted_at is null`)
      .finally(() => client.end())
    // One entry per order: captured, or found captured by the worker that took over a capture the killed one had finished.
    expect(rows.map((r) => r.order_id).sort()).toEqual(orders.map((o) => o.id).sort())
    expect(rows.filter((r) => !(r.outcome === "succeeded" || (r.outcome === "skipped" && /already been captured/.test(r.message))))).toEqual([])
    const takenOver = rows.filter((r) => /interrupted|Klarna had made|already been captured/.test(r.message) || r.attempts > 1)
    console.log(`captures taken over from the killed worker: ${takenOver.length}`)
    expect(takenOver.length).toBeGreaterThan(0)
    const { data: attention } = await admin.get("/admin/klarna/attention")
    expect(attention.events.map((e: any) => `${e.order_id}: ${e.message}`)).toEqual([])
  })

  // Klarna's and Medusa's view of one order, for the checks below.
  const klarnaOrder = async (klarnaOrderId: string) => (await cluster.sim.get(`/_sim/orders/${klarnaOrderId}`)).data
  const klarnaWrites = async (klarnaOrderId: string, method: string, suffix: string) =>
    ((await cluster.sim.get("/_sim/requests", { params: { path_contains: klarnaOrderId } })).data as any[]).filter(
      (r) => r.method === method && r.path.endsWith(suffix) && r.status !== null && r.status < 300 && !r.replayed
    )
  const medusaOrder = async (id: string) =>
    (
      await cluster.admin.get(`/admin/orders/${id}`, {
        params: { fields: "id,status,total,payment_status,summary.*,payment_collections.status,payment_collections.payments.data,payment_collections.payments.canceled_at,payment_collections.payments.captures.amount" },
      })
    ).data.order
  const minor = (amount: unknown) => MathBN.mult(amount as any, 100).toNumber() // SEK: two decimals
  const placeOrders = async (n: number, quantities: number[]) => {
    const placed = await inBatches(Array.from({ length: n }), 4, () => placeDemoOrder({ dataDir: cluster.dataDir, quantities }))
    return Promise.all(
      placed.map(async (p) => {
        const order = await medusaOrder(p.order_id!)
        return { id: order.id as string, klarna_order_id: order.payment_collections[0].payments[0].data.klarna_order_id as string }
      })
    )
  }

  it("runs every automation once across the server and two workers: retried captures (the retry job once per tick), a manual capture racing the automatic one, cancels, an edit's reservation update", async () => {
    const { admin, sim } = cluster
    const since = new Date().toISOString().slice(0, 16)
    await sim.delete("/_sim/faults")
    // A worker restarted in place of the killed one: two workers again.
    await cluster.addWorker("worker-3")

    const retried = await placeOrders(3, [1, 0])
    const raced = await placeOrders(3, [1, 0])
    const cancelled = await placeOrders(3, [1, 0])
    const edited = await placeOrders(2, [2, 0])
    const all = [...retried, ...raced, ...cancelled, ...edited]

    // Klarna refuses each of these captures as often as the client tries inline (1 + KLARNA_MAX_RETRIES):
    // the automation gives up for now, and the retry job (every minute, in one worker) captures later.
    for (const o of retried) await sim.post("/_sim/faults", { method: "POST", path: `${o.klarna_order_id}/captures`, status: 503, times: 4 })

    // An edit confirmed in the server updates the reservation; the workers then re-attach the payment.
    for (const o of edited) {
      const { data } = await admin.get(`/admin/orders/${o.id}`, { params: { fields: "items.id" } })
      await admin.post(`/admin/order-edits`, { order_id: o.id })
      await admin.post(`/admin/order-edits/${o.id}/items/item/${data.order.items[0].id}`, { quantity: 1 })
      await admin.post(`/admin/order-edits/${o.id}/request`, {})
      expect((await admin.post(`/admin/order-edits/${o.id}/confirm`, {})).status).toBe(200)
    }
    await until("the edits' updates logged", async () => (await sql(`select 1 from klarna_event where action = 'update' and outcome = 'succeeded' and order_id = any($1)`, [edited.map((o) => o.id)])).length === edited.length, 60_000)

    // All at once through the server: completions (captured in the workers), the plugin's manual capture
    // racing the automatic one of the same order (the order's lock is on Redis), and cancels.
    const manual: Array<{ status: number; data: any }> = []
    await Promise.all([
      ...[...retried, ...raced, ...edited].map((o) => admin.post(`/admin/orders/${o.id}/complete`, {})),
      ...raced.map((o) => admin.post(`/admin/klarna/orders/${o.id}/capture`, {}).then((r) => manual.push(r), (e) => manual.push(e.response))),
      ...cancelled.map((o) => admin.post(`/admin/orders/${o.id}/cancel`, {})),
    ])
    expect(manual.map((r) => r.status).filter((s) => s !== 200 && s !== 400)).toEqual([])

    const captured = [...retried, ...raced, ...edited]
    await until("every completed order captured in Medusa", async () => (await Promise.all(captured.map((o) => medusaOrder(o.id)))).every((m) => m.payment_status === "captured"), 240_000)
    await until("every cancelled order cancelled at Klarna", async () => (await Promise.all(cancelled.map((o) => klarnaOrder(o.klarna_order_id)))).every((k) => k.status === "CANCELLED"), 120_000)

    for (const o of captured) {
      const klarna = await klarnaOrder(o.klarna_order_id)
      const medusa = await medusaOrder(o.id)
      const rows = medusa.payment_collections.flatMap((c: any) => c.payments.flatMap((p: any) => p.captures ?? []))
      expect({ order: o.id, klarna_captures: klarna.captures.length, capture_writes: (await klarnaWrites(o.klarna_order_id, "POST", "/captures")).length }).toEqual({ order: o.id, klarna_captures: 1, capture_writes: 1 })
      // Both ledgers agree to the öre: what Klarna captured is the order's total, and Medusa recorded it once.
      expect({ order: o.id, klarna: klarna.captured_amount, medusa_rows: rows.length, medusa_captured: minor(rows.reduce((s: any, r: any) => MathBN.add(s, r.amount), 0)), paid: minor(medusa.summary.paid_total) }).toEqual({
        order: o.id,
        klarna: minor(medusa.total),
        medusa_rows: 1,
        medusa_captured: minor(medusa.total),
        paid: minor(medusa.total),
      })
    }
    for (const o of edited) {
      expect((await klarnaWrites(o.klarna_order_id, "PATCH", "/authorization")).length).toBe(1)
      expect((await klarnaOrder(o.klarna_order_id)).order_lines.find((l: any) => l.type === "physical").quantity).toBe(1)
    }
    for (const o of cancelled) {
      const medusa = await medusaOrder(o.id)
      expect({ order: o.id, status: medusa.status, cancels: (await klarnaWrites(o.klarna_order_id, "POST", "/cancel")).length, captures: (await klarnaOrder(o.klarna_order_id)).captures.length }).toEqual({ order: o.id, status: "canceled", cancels: 1, captures: 0 })
    }
    // order.placed handed to one worker: Klarna got each order's merchant references once.
    for (const o of all) expect((await klarnaWrites(o.klarna_order_id, "PATCH", "/merchant-references")).length).toBe(1)

    // The event log: one entry per order and action; the faulted captures taken by the retry job on a later run.
    const entries = await sql(`select order_id, action, outcome, attempts, message from klarna_event where deleted_at is null and order_id = any($1) and action in ('capture', 'cancel')`, [all.map((o) => o.id)])
    const automatic = entries.filter((e) => !raced.some((o) => o.id === e.order_id))
    expect(automatic.map((e) => `${e.order_id} ${e.action}`).sort()).toEqual([...retried, ...edited].map((o) => `${o.id} capture`).concat(cancelled.map((o) => `${o.id} cancel`)).sort())
    expect(automatic.filter((e) => e.outcome !== "succeeded")).toEqual([])
    expect(entries.filter((e) => retried.some((o) => o.id === e.order_id)).map((e) => e.attempts)).toEqual([2, 2, 2])
    // The raced orders: captured once by whichever came first; the other found the capture made.
    for (const o of raced) {
      const own = entries.filter((e) => e.order_id === o.id)
      expect(own.filter((e) => e.outcome === "succeeded")).toHaveLength(1)
      expect(own.filter((e) => !["succeeded", "skipped"].includes(e.outcome))).toEqual([])
    }

    // The retry job ran once per minute across all workers (each run that found work says which minute), never in the server.
    const logs = cluster.workers.map((w) => fs.readFileSync(path.join(cluster.dataDir, `${w.name}.log`), "utf8")).join("\n")
    const ticks = [...logs.matchAll(/Klarna retry job \(tick (\S+)Z/g)].map((m) => m[1]).filter((t) => t >= since)
    console.log(`retry job runs with work since ${since}: ${ticks.join(", ")}`)
    expect(ticks.length).toBeGreaterThan(0)
    expect(ticks.filter((t, i) => ticks.indexOf(t) !== i)).toEqual([])
    expect(cluster.server.output()).not.toContain("Klarna retry job (tick")

    const { data: attention } = await admin.get("/admin/klarna/attention")
    expect(attention.events.map((e: any) => `${e.order_id}: ${e.message}`)).toEqual([])
  })

  it("runs a WooCommerce import in a worker, and when that worker is killed the other finishes it: every order once", async () => {
    const generated = generateWooOrders(24, 11)
    const listed = generated.filter((o) => o.status !== "trash").length
    const pages = Math.ceil(listed / 2)
    const woo = await startFakeWooCommerce({ orders: generated, latencyMs: 150 })
    try {
      const { data, status } = await cluster.admin.post("/admin/klarna/woocommerce-imports", {
        shop_url: woo.url,
        consumer_key: DEFAULT_CONSUMER_KEY,
        consumer_secret: DEFAULT_CONSUMER_SECRET,
        per_page: 2,
        klarna_only: false,
      })
      expect(status).toBe(202)
      const runId = data.import.id as string
      const runningIn = () => cluster.workers.find((w) => w.child.exitCode === null && w.output().includes(`WooCommerce import ${runId} is running in this process`))
      await until("a worker running the import two pages in", async () => !!runningIn() && (await sql("select last_page from woo_import_run where id = $1", [runId]))[0].last_page >= 2, 120_000)
      expect(cluster.server.output()).not.toContain(`WooCommerce import ${runId} is running`)
      const victim = runningIn()!
      victim.kill("SIGKILL")
      await victim.exited
      const [dead] = await sql("select status, last_page from woo_import_run where id = $1", [runId])
      expect(dead.status).toBe("running")
      expect(dead.last_page).toBeLessThan(pages)

      await until("the import finished by the other worker", async () => (await sql("select status from woo_import_run where id = $1", [runId]))[0].status !== "running", 240_000)
      const [run] = await sql("select status, error, last_page, sealed_credentials from woo_import_run where id = $1", [runId])
      expect(run).toEqual({ status: "completed", error: null, last_page: pages, sealed_credentials: null })
      const finisher = cluster.workers.find((w) => w !== victim && w.output().includes(`WooCommerce import ${runId} finished in this process`))
      expect(finisher?.name).toEqual(expect.any(String))

      const records = await sql("select woo_order_id, outcome from woo_import_record where run_id = $1", [runId])
      const ids = records.map((r) => r.woo_order_id)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids.length).toBe(listed)
      const imported = records.filter((r) => ["imported", "unchanged", "updated"].includes(r.outcome)).map((r) => r.woo_order_id)
      expect(imported.length).toBeGreaterThan(0)
      const orders = await sql(`select metadata->>'woocommerce_id' as woo_id, count(*)::int as n from "order" where metadata->>'woocommerce_shop_url' = $1 and deleted_at is null group by 1`, [woo.url])
      expect(orders.filter((o) => o.n !== 1)).toEqual([])
      expect(orders.map((o) => Number(o.woo_id)).sort()).toEqual([...imported].map(Number).sort())
    } finally {
      await woo.close()
    }
  })
})
