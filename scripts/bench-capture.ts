// Benchmark: what one capture costs through the plugin's route and through Medusa's own, beside a raw
// Klarna capture call, with injected Klarna latency — Klarna requests per capture and time, medians and
// ratios from one run. Boots the main command on free ports with its data in .bench/ (a dot folder:
// `medusa develop` does not restart for it, git ignores it). `npm run bench [-- --orders 15 --latency 50]`.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import axios, { type AxiosInstance } from "axios"
import { DEMO_ADMIN } from "../demo/demo-store-names"
import { placeDemoOrder } from "./lib/place-demo-order"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { freePort } = require("./lib/embedded-postgres")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { waitForHttp } = require("./lib/wait-for-http")

const root = path.resolve(__dirname, "..")
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const ORDERS = arg("orders", 15)
const LATENCY_MS = arg("latency", 50)

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
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

async function boot(dataDir: string) {
  const port = await freePort(9300)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    MEDUSA_KLARNA_DATA_DIR: dataDir,
    KLARNA_SIMULATOR_PORT: String(await freePort(4310)),
    EMBEDDED_POSTGRES_PORT: String(await freePort(54359)),
    MEDUSA_BACKEND_URL: `http://localhost:${port}`,
  }
  for (const key of ["KLARNA_API_KEY", "KLARNA_USERNAME", "KLARNA_PASSWORD", "KLARNA_BASE_URL", "DATABASE_URL"]) delete env[key]
  const log = fs.openSync(path.join(dataDir, "backend.log"), "a")
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "start.ts")], {
    cwd: root,
    env,
    stdio: ["ignore", log, log],
    detached: true,
  })
  await waitForHttp(`http://127.0.0.1:${port}/health`, { timeoutMs: 300_000, intervalMs: 1000 })
  return { port, stop: () => process.kill(-child.pid!, "SIGINT") }
}

async function admin(baseUrl: string): Promise<AxiosInstance> {
  const { data } = await axios.post(`${baseUrl}/auth/user/emailpass`, DEMO_ADMIN)
  return axios.create({ baseURL: baseUrl, headers: { authorization: `Bearer ${data.token}` } })
}

async function target(api: AxiosInstance, dataDir: string): Promise<Target> {
  const placed = await placeDemoOrder({ dataDir, quantities: [1, 0] })
  const { data } = await api.get(`/admin/klarna/orders/${placed.order_id}`)
  return { order_id: placed.order_id!, payment_id: data.payment.id, klarna_order_id: data.klarna_order_id, amount: data.payment.amount_minor }
}

async function main() {
  const dataDir = path.join(root, ".bench", "capture")
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.mkdirSync(dataDir, { recursive: true })
  console.log(`Booting the main command (data in ${path.relative(root, dataDir)})…`)
  const stack = await boot(dataDir)
  try {
    const baseUrl = `http://127.0.0.1:${stack.port}`
    const sim = JSON.parse(fs.readFileSync(path.join(dataDir, "runtime.json"), "utf8")).simulator_url as string
    const api = await admin(baseUrl)
    const klarna = axios.create({ baseURL: sim, auth: { username: "sim_user", password: "sim_password" } })
    console.log(`Placing ${3 * ORDERS} orders…`)
    const orders: Target[] = []
    for (let i = 0; i < 3 * ORDERS; i++) orders.push(await target(api, dataDir))
    const requestsFor = async (t: Target) =>
      ((await axios.get(`${sim}/_sim/requests`, { params: { path_contains: t.klarna_order_id } })).data as unknown[]).length

    await axios.post(`${sim}/_sim/faults`, { path: "/ordermanagement/", latency_ms: LATENCY_MS, times: 0 })
    const modes: Array<[string, (t: Target) => Promise<unknown>]> = [
      ["raw Klarna capture call", (t) => klarna.post(`/ordermanagement/v1/orders/${t.klarna_order_id}/captures`, { captured_amount: t.amount }, { headers: { "Klarna-Idempotency-Key": `bench-${t.klarna_order_id}` } })],
      ["Medusa's POST /admin/payments/:id/capture", (t) => api.post(`/admin/payments/${t.payment_id}/capture`, {})],
      ["plugin's POST /admin/klarna/orders/:id/capture", (t) => api.post(`/admin/klarna/orders/${t.order_id}/capture`, {})],
    ]
    const results: Array<{ mode: string; ms: number; klarna_requests: number }> = []
    for (let m = 0; m < modes.length; m++) {
      const [mode, run] = modes[m]
      const ms: number[] = []
      const reqs: number[] = []
      for (const t of orders.slice(m * ORDERS, (m + 1) * ORDERS)) {
        const before = await requestsFor(t)
        ms.push(await timed(() => run(t)))
        reqs.push((await requestsFor(t)) - before)
      }
      results.push({ mode, ms: median(ms), klarna_requests: median(reqs) })
    }
    const raw = results[0].ms
    console.log(`\nOne capture, ${ORDERS} orders each, ${LATENCY_MS} ms Klarna latency (medians):`)
    for (const r of results) {
      console.log(`  ${r.mode.padEnd(48)} ${r.ms.toFixed(0).padStart(5)} ms  ${(r.ms / raw).toFixed(1).padStart(4)}× raw  ${r.klarna_requests} Klarna request(s)`)
    }
  } finally {
    stack.stop()
    await new Promise((r) => setTimeout(r, 4000))
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench: ${e.message ?? e}`)
    process.exit(1)
  }
)
