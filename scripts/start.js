#!/usr/bin/env node
// The main command: a Medusa backend with this plugin and a demo store taking
// Klarna payments. Without DATABASE_URL it runs an embedded PostgreSQL (data in
// .data/postgres); without Klarna credentials it runs the local Klarna simulator.
const { spawn, spawnSync } = require("node:child_process")
const fs = require("node:fs")
const http = require("node:http")
const path = require("node:path")
const { startEmbeddedPostgres, freePort } = require("./lib/embedded-postgres")

const root = path.resolve(__dirname, "..")
const dataDir = path.resolve(root, process.env.MEDUSA_KLARNA_DATA_DIR || ".data")
const bin = (name) => path.join(root, "node_modules", ".bin", name)
const PORT = Number(process.env.PORT || 9000)
const ADMIN_EMAIL = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
const ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
const children = []
let pg

function log(msg) {
  console.log(`[medusa-klarna] ${msg}`)
}

function run(cmd, args, env) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env })
  if (r.status !== 0) {
    throw new Error(`${path.basename(cmd)} ${args.join(" ")} failed (exit ${r.status ?? r.signal})`)
  }
}

function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const req = http.get(url, (res) => {
        res.resume()
        if (res.statusCode && res.statusCode < 500) return resolve()
        retry()
      })
      req.on("error", retry)
      req.setTimeout(2000, () => req.destroy())
    }
    const retry = () => (Date.now() > deadline ? reject(new Error(`${url} did not come up`)) : setTimeout(attempt, 500))
    attempt()
  })
}

async function startSimulator(env) {
  const port = await freePort(Number(process.env.KLARNA_SIMULATOR_PORT || 4010))
  const child = spawn(bin("tsx"), ["klarna-simulator/src/main.ts"], {
    cwd: root,
    stdio: "inherit",
    detached: true,
    env: { ...env, KLARNA_SIMULATOR_PORT: String(port) },
  })
  children.push(child)
  const url = `http://127.0.0.1:${port}`
  await waitFor(`${url}/_sim/orders`, 30_000)
  return url
}

async function main() {
  const env = { ...process.env }
  if (!env.DATABASE_URL) {
    log("DATABASE_URL is not set: starting the embedded PostgreSQL (data in .data/postgres)…")
    pg = await startEmbeddedPostgres({ dir: path.join(dataDir, "postgres"), port: Number(process.env.EMBEDDED_POSTGRES_PORT || 54329), persistent: true })
    await pg.createDatabase("medusa_klarna")
    env.DATABASE_URL = pg.url("medusa_klarna")
  }
  const hasCredentials = !!(env.KLARNA_API_KEY || (env.KLARNA_USERNAME && env.KLARNA_PASSWORD))
  if (!hasCredentials) {
    log("No Klarna credentials set: starting the local Klarna simulator…")
    const url = await startSimulator(env)
    Object.assign(env, { KLARNA_BASE_URL: url, KLARNA_USERNAME: "sim_user", KLARNA_PASSWORD: "sim_password", KLARNA_SIMULATOR_URL: url })
  }
  env.MEDUSA_BACKEND_URL = env.MEDUSA_BACKEND_URL || `http://localhost:${PORT}`
  env.MEDUSA_KLARNA_DATA_DIR = dataDir

  log("Running database migrations…")
  run(bin("medusa"), ["db:migrate"], env)
  const seeded = fs.existsSync(path.join(dataDir, "demo-store.json"))
  run(bin("medusa"), ["exec", "./demo/seed.ts"], env)
  if (!seeded) {
    spawnSync(bin("medusa"), ["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], { cwd: root, stdio: "inherit", env })
  }
  fs.writeFileSync(
    path.join(dataDir, "runtime.json"),
    JSON.stringify(
      {
        backend_url: env.MEDUSA_BACKEND_URL,
        simulator_url: env.KLARNA_SIMULATOR_URL ?? null,
        // For commands run beside the backend (e.g. the WooCommerce import): the same database, and
        // the simulator's connection. Real Klarna credentials are never written to disk.
        env: Object.fromEntries(
          ["DATABASE_URL", ...(env.KLARNA_SIMULATOR_URL ? ["KLARNA_BASE_URL", "KLARNA_USERNAME", "KLARNA_PASSWORD", "KLARNA_SIMULATOR_URL"] : [])]
            .filter((k) => env[k])
            .map((k) => [k, env[k]])
        ),
      },
      null,
      2
    )
  )

  log(`Starting Medusa on :${PORT}…`)
  const medusa = spawn(bin("medusa"), ["develop"], { cwd: root, stdio: "inherit", detached: true, env: { ...env, PORT: String(PORT) } })
  children.push(medusa)
  medusa.on("exit", (code) => shutdown(code ?? 0))
  await waitFor(`http://127.0.0.1:${PORT}/health`, 180_000)
  const demo = JSON.parse(fs.readFileSync(path.join(dataDir, "demo-store.json"), "utf8"))
  console.log(`
──────────────────────────────────────────────────────────────
 medusa-klarna is running
   Admin:            http://localhost:${PORT}/app   (${ADMIN_EMAIL} / ${ADMIN_PASSWORD})
   Store API:        http://localhost:${PORT}/store
   Publishable key:  ${demo.publishable_key}
   Klarna:           ${env.KLARNA_SIMULATOR_URL ? `local simulator at ${env.KLARNA_SIMULATOR_URL}` : `${env.KLARNA_ENVIRONMENT || "playground"} API`}
 Place a test order:  npm run demo:order
──────────────────────────────────────────────────────────────
`)
}

let stopping = false
async function shutdown(code) {
  if (stopping) return
  stopping = true
  // Each child runs in its own process group: `medusa develop` forks the server,
  // and the whole group has to go or the server keeps the port.
  for (const child of children) {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM")
      } catch {
        child.kill("SIGTERM")
      }
    }
  }
  await new Promise((r) => setTimeout(r, 1500))
  if (pg) {
    await pg.stop().catch(() => {})
  }
  process.exit(code)
}

process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))
main().catch(async (e) => {
  console.error(`[medusa-klarna] ${e.message}`)
  await shutdown(1)
})
