import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { startKlarnaSimulator } from "../../klarna-simulator/src"
import type { RunningSimulator } from "../../klarna-simulator/src"
import { generateWooOrders, startFakeWooCommerce, DEFAULT_CONSUMER_KEY, DEFAULT_CONSUMER_SECRET } from "../../fake-woocommerce/src"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { freePort } = require("../../scripts/lib/embedded-postgres") as { freePort: (preferred?: number) => Promise<number> }

/**
 * `npm start` end to end, on a database of the test PostgreSQL: what it migrates, seeds and
 * prints is decided from the database, never from files left in the data folder.
 */
jest.setTimeout(420_000)

const root = path.resolve(__dirname, "../..")
const dbName = `mk_start_${process.pid}_${Date.now()}`
const server = { host: process.env.DB_HOST || "localhost", port: Number(process.env.DB_PORT || 5432), user: process.env.DB_USERNAME || "postgres", password: process.env.DB_PASSWORD || "" }
const auth = server.password ? `${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}` : encodeURIComponent(server.user)
const databaseUrl = `postgres://${auth}@${server.host}:${server.port}/${dbName}`
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mk-start-"))

async function sql<T = any>(query: string, params: unknown[] = [], database = dbName): Promise<T[]> {
  const client = new Client({ ...server, password: server.password || undefined, database })
  await client.connect()
  try {
    return (await client.query(query, params)).rows
  } finally {
    await client.end()
  }
}

interface Started {
  child: ChildProcess
  output: () => string
  port: number
}

/** Runs the main command until its banner (or its exit), with a clean environment. */
async function start(extraEnv: Record<string, string>): Promise<Started> {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: databaseUrl,
    MEDUSA_KLARNA_DATA_DIR: dataDir,
    PORT: String(port),
    KLARNA_SIMULATOR_PORT: "0",
    MEDUSA_ADMIN_DISABLED: "true",
    MEDUSA_DISABLE_TELEMETRY: "true",
    ...extraEnv,
  }
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] })
  let out = ""
  child.stdout!.on("data", (d) => (out += d))
  child.stderr!.on("data", (d) => (out += d))
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes("medusa-klarna is running")) {
        clearInterval(timer)
        resolve()
      }
    }, 200)
    child.once("exit", (code) => {
      clearInterval(timer)
      reject(new Error(`npm start exited (${code}) before its banner:\n${out.slice(-4000)}`))
    })
  })
  return { child, output: () => out, port }
}

/** The server process Medusa runs in (the main command's child, in its own process group). */
function serverPid(parent: number): number | undefined {
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      // pid (comm) state ppid …: comm may hold spaces, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])
      // Not tsx's esbuild service, the command's other child.
      if (ppid === parent && fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("medusa")) return Number(entry)
    } catch {
      /* gone meanwhile */
    }
  }
  return undefined
}

/** Kills Medusa as a crash would (SIGKILL to its whole process group, no shutdown), then waits for the main command to notice and exit. */
async function crash(started: Started) {
  const pid = serverPid(started.child.pid!)
  expect(pid).toBeDefined()
  const exited = new Promise((r) => started.child.once("exit", r))
  process.kill(-pid!, "SIGKILL")
  await exited
}

async function stop(started: Started) {
  if (started.child.exitCode !== null) return
  const exited = new Promise((r) => started.child.once("exit", r))
  started.child.kill("SIGINT")
  await exited
}

function bannerValue(output: string, label: string) {
  return output.match(new RegExp(`${label}:\\s+(.*)`))?.[1].trim()
}

async function login(port: number, email: string, password: string) {
  return fetch(`http://127.0.0.1:${port}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
}

/** Runs the main command to its exit; for start-ups that must fail before Medusa boots. */
function startToExit(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, KLARNA_SIMULATOR_PORT: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let out = ""
    child.stdout!.on("data", (d) => (out += d))
    child.stderr!.on("data", (d) => (out += d))
    child.once("exit", (code) => resolve({ code, out }))
  })
}

describe("npm start and npm run worker set up wrong for several processes", () => {
  it("refuse in one line what would run a server whose events nobody handles", async () => {
    const server = await startToExit({ MEDUSA_WORKER_MODE: "server", MEDUSA_KLARNA_DATA_DIR: path.join(dataDir, "no-redis") })
    expect(server.code).toBe(1)
    expect(server.out).toContain("[medusa-klarna] MEDUSA_WORKER_MODE=server needs REDIS_URL")
    const misspelt = await startToExit({ MEDUSA_WORKER_MODE: "workers", MEDUSA_KLARNA_DATA_DIR: path.join(dataDir, "no-redis") })
    expect(misspelt.out).toContain('MEDUSA_WORKER_MODE must be one of shared, server, worker (got "workers")')
    expect(fs.existsSync(path.join(dataDir, "no-redis", "postgres"))).toBe(false) // refused before anything was started

    const worker = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
        cwd: root,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, KLARNA_API_KEY: "k", MEDUSA_KLARNA_DATA_DIR: path.join(dataDir, "no-redis") },
        stdio: ["ignore", "pipe", "pipe"],
      })
      let out = ""
      child.stdout!.on("data", (d) => (out += d))
      child.stderr!.on("data", (d) => (out += d))
      child.once("exit", (code) => resolve({ code, out }))
    })
    expect(worker.code).toBe(1)
    expect(worker.out).toContain("[medusa-klarna worker] A worker takes its events and scheduled jobs from Redis: set REDIS_URL")
    expect(worker.out).not.toMatch(/^\s+at /m)
  })
})

describe("npm start where the embedded PostgreSQL cannot run", () => {
  it("says why in one line with the fix, without a stack trace", async () => {
    // A data folder below a regular file can never be created.
    const file = path.join(dataDir, "not-a-folder")
    fs.writeFileSync(file, "")
    const { code, out } = await startToExit({ MEDUSA_KLARNA_DATA_DIR: path.join(file, "data") })
    expect(code).toBe(1)
    const line = out.split("\n").find((l) => l.includes("cannot run here"))
    expect(line).toMatch(/^\[medusa-klarna\] The embedded PostgreSQL cannot run here: .+\. Set DATABASE_URL to a PostgreSQL database and run again/)
    expect(out).not.toMatch(/^\s+at /m)
  })

  it("refuses a data folder whose database another running command owns", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "mk-owned-"))
    fs.chmodSync(folder, 0o755) // as root, a folder the postgres user can enter, so the data stays here
    fs.mkdirSync(path.join(folder, "postgres"))
    fs.writeFileSync(path.join(folder, "postgres.owner"), String(process.pid)) // this test process: alive
    const { code, out } = await startToExit({ MEDUSA_KLARNA_DATA_DIR: folder })
    expect(code).toBe(1)
    expect(out).toContain(`another command (pid ${process.pid}) is running the database in ${path.join(folder, "postgres")}`)
    fs.rmSync(folder, { recursive: true, force: true })
  })
})

describe("npm start", () => {
  let simulator: RunningSimulator

  beforeAll(async () => {
    await sql(`create database "${dbName}"`, [], "postgres")
    simulator = await startKlarnaSimulator({ port: 0, credentials: [{ username: "proxy_user", password: "proxy_password" }] })
  })

  afterAll(async () => {
    await simulator?.close()
    await sql(`drop database if exists "${dbName}" with (force)`, [], "postgres").catch(() => {})
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it("gives a new database its store and admin, whatever an old data folder says", async () => {
    // A data folder left from another database: it must not make start-up skip the seed or the admin.
    fs.writeFileSync(path.join(dataDir, "demo-store.json"), JSON.stringify({ publishable_key: "pk_from_another_database", region_id: "reg_gone" }))
    fs.writeFileSync(path.join(dataDir, "runtime.json"), JSON.stringify({ backend_url: "http://localhost:1", env: {} }))

    const started = await start({})
    try {
      const out = started.output()
      expect(out).toContain("Running database migrations")
      expect(out).toContain("Seeding the demo store and creating the admin admin@example.com")

      const [key] = await sql("select token from api_key where title = 'Webshop' and type = 'publishable'")
      expect(bannerValue(out, "Publishable key")).toBe(key.token)
      expect(bannerValue(out, "Admin")).toContain("(admin@example.com / supersecret)")
      expect(bannerValue(out, "Klarna")).toMatch(/^local Klarna simulator at http:\/\/127\.0\.0\.1:\d+$/)
      expect(bannerValue(out, "Kustom")).toBe(`local Kustom simulator at ${bannerValue(out, "Klarna")!.replace("local Klarna simulator at ", "")}/kustom`)

      const res = await login(started.port, "admin@example.com", "supersecret")
      expect(res.status).toBe(200)
      expect(typeof (await res.json()).token).toBe("string")

      const regions = await fetch(`http://127.0.0.1:${started.port}/store/regions`, { headers: { "x-publishable-api-key": key.token } })
      expect(regions.status).toBe(200)
      expect((await regions.json()).regions.map((r: any) => r.name)).toContain("Sverige")

      expect(JSON.parse(fs.readFileSync(path.join(dataDir, "demo-store.json"), "utf8")).publishable_key).toBe(key.token)
    } finally {
      await stop(started)
    }
  })

  it("leaves a migrated, seeded database alone, and names the Klarna API and admin it really has", async () => {
    const started = await start({
      KLARNA_USERNAME: "proxy_user",
      KLARNA_PASSWORD: "proxy_password",
      KLARNA_BASE_URL: simulator.url,
      KUSTOM_USERNAME: "PM_sim_kustom",
      KUSTOM_PASSWORD: "kco_sim_password",
      KUSTOM_BASE_URL: `${simulator.url}/kustom`,
      DEMO_ADMIN_PASSWORD: "not-the-admins-password",
    })
    try {
      const out = started.output()
      expect(out).toContain("Database is migrated for this code: skipping migrations")
      expect(out).toContain("Demo store and admin are in the database: skipping the seed")
      expect(out).not.toContain("Running database migrations")
      expect(out).not.toContain("starting the local Klarna simulator")
      expect(bannerValue(out, "Klarna")).toBe(`custom Klarna base URL ${simulator.url}`)
      expect(bannerValue(out, "Kustom")).toBe(`custom Kustom base URL ${simulator.url}/kustom`)

      // The admin exists with its own password: the banner must not claim one that fails.
      expect(bannerValue(out, "Admin")).toContain("admin@example.com exists with another password")
      expect(out).not.toContain("not-the-admins-password")
      expect((await login(started.port, "admin@example.com", "not-the-admins-password")).status).toBe(401)

      expect(await sql("select id from sales_channel where name = 'Webshop'")).toHaveLength(1)
      expect(await sql(`select id from "user" where email = 'admin@example.com'`)).toHaveLength(1)
    } finally {
      await stop(started)
    }
  })
  it("an import started from the admin survives the server being killed: the restarted server finishes it, every order once", async () => {
    const generated = generateWooOrders(24, 7)
    const listed = generated.filter((o) => o.status !== "trash").length
    const pages = Math.ceil(listed / 2)
    const woo = await startFakeWooCommerce({ orders: generated, latencyMs: 120 })
    const env = { WOOCOMMERCE_IMPORT_ALLOW_PRIVATE_HOSTS: "true", WOOCOMMERCE_IMPORT_STALE_AFTER_MS: "6000" }
    try {
      const first = await start(env)
      let runId: string
      try {
        const { token } = await (await login(first.port, "admin@example.com", "supersecret")).json()
        const res = await fetch(`http://127.0.0.1:${first.port}/admin/klarna/woocommerce-imports`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ shop_url: woo.url, consumer_key: DEFAULT_CONSUMER_KEY, consumer_secret: DEFAULT_CONSUMER_SECRET, per_page: 2, klarna_only: false }),
        })
        expect(res.status).toBe(202)
        runId = (await res.json()).import.id
        for (let i = 0; i < 600; i++) {
          const [run] = await sql("select last_page from woo_import_run where id = $1", [runId])
          if (run.last_page >= 2) break
          await new Promise((r) => setTimeout(r, 100))
        }
      } finally {
        await crash(first)
      }
      const [dead] = await sql("select status, last_page, sealed_credentials from woo_import_run where id = $1", [runId])
      expect(dead.status).toBe("running") // nobody told the database: the process is simply gone
      expect(dead.last_page).toBeLessThan(pages)
      expect(dead.sealed_credentials).toEqual(expect.any(String))

      const second = await start(env)
      try {
        let run: any
        for (let i = 0; i < 300; i++) {
          ;[run] = await sql("select status, error, last_page, sealed_credentials from woo_import_run where id = $1", [runId])
          if (run.status !== "running") break
          await new Promise((r) => setTimeout(r, 500))
        }
        expect(run).toEqual(expect.objectContaining({ status: "completed", error: null, last_page: pages, sealed_credentials: null }))
        const records = await sql("select woo_order_id, outcome from woo_import_record where run_id = $1", [runId])
        const ids = records.map((r: any) => r.woo_order_id)
        expect(new Set(ids).size).toBe(ids.length) // each order reported once
        expect(ids.length).toBe(listed) // and none left out
        const linked = await sql("select woo_order_id, medusa_order_id, state from woo_order_link where shop_url = $1", [woo.url])
        expect(linked.every((l: any) => l.state === "imported")).toBe(true)
        const imported = records.filter((r: any) => ["imported", "unchanged", "updated"].includes(r.outcome)).map((r: any) => r.woo_order_id)
        expect(linked.map((l: any) => l.woo_order_id).sort()).toEqual([...imported].sort())
        // One Medusa order per WooCommerce order: none half-imported, none twice.
        const orders = await sql("select metadata->>'woocommerce_id' as woo_id, count(*)::int as n from \"order\" where metadata->>'woocommerce_shop_url' = $1 and deleted_at is null group by 1", [woo.url])
        expect(orders.every((o: any) => o.n === 1)).toBe(true)
        expect(orders.map((o: any) => Number(o.woo_id)).sort()).toEqual([...imported].sort())
      } finally {
        await stop(second)
      }
    } finally {
      await woo.close()
    }
  })
})
