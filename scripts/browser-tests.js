#!/usr/bin/env node
// Browser tests: starts the main command (Medusa with the admin, the simulator,
// PostgreSQL) on free ports with its own data folder, then runs the Playwright
// tests in integration-tests/browser against it in headless Chromium.
const { spawn, spawnSync } = require("node:child_process")
const fs = require("node:fs")
const path = require("node:path")
const { freePort } = require("./lib/embedded-postgres")
const { waitForHttp } = require("./lib/wait-for-http")

const root = path.resolve(__dirname, "..")

async function main() {
  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
  if (!fs.existsSync(chromium)) {
    throw new Error(`Chromium not found at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH)`)
  }
  const dataDir = path.join(root, ".data", "browser")
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.mkdirSync(dataDir, { recursive: true })
  const port = await freePort(9100)
  const env = {
    ...process.env,
    PORT: String(port),
    MEDUSA_KLARNA_DATA_DIR: dataDir,
    KLARNA_SIMULATOR_PORT: String(await freePort(4110)),
    EMBEDDED_POSTGRES_PORT: String(await freePort(54339)),
    MEDUSA_BACKEND_URL: `http://localhost:${port}`,
    ADMIN_CORS: `http://localhost:${port}`,
    AUTH_CORS: `http://localhost:${port}`,
    PAYMENT_WEBHOOK_DELAY_MS: "100",
    // The import test's fake WooCommerce listens on 127.0.0.1, refused by default by the admin route.
    WOOCOMMERCE_IMPORT_ALLOW_PRIVATE_HOSTS: "true",
  }
  for (const key of ["KLARNA_API_KEY", "KLARNA_USERNAME", "KLARNA_PASSWORD", "KLARNA_BASE_URL"]) delete env[key]
  if (process.env.DB_HOST) {
    // A fresh database on the given server, so the run starts from an empty store.
    const db = `medusa_klarna_browser_${process.pid}`
    const user = process.env.DB_USERNAME || "postgres"
    const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
    const base = `postgres://${user}${password}@${process.env.DB_HOST}:${process.env.DB_PORT || 5432}`
    const { Client } = require("pg")
    const client = new Client({ connectionString: `${base}/postgres` })
    await client.connect()
    await client.query(`drop database if exists "${db}"`)
    await client.query(`create database "${db}"`)
    await client.end()
    env.DATABASE_URL = `${base}/${db}`
  }
  // The backend writes straight to a file: a pipe would have to be drained by this process,
  // whose event loop is blocked while jest runs.
  const logFd = fs.openSync(path.join(dataDir, "backend.log"), "a")
  const stack = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "start.ts")], {
    cwd: root,
    env,
    stdio: ["ignore", logFd, logFd],
    detached: true,
  })
  let code = 1
  try {
    await waitForHttp(`http://127.0.0.1:${port}/health`, { timeoutMs: 300_000, intervalMs: 1000 })
    await waitForHttp(`http://127.0.0.1:${port}/app`, { timeoutMs: 120_000, intervalMs: 1000 })
    const r = spawnSync(process.execPath, [require.resolve("jest/bin/jest"), "--runInBand", "--forceExit", ...process.argv.slice(2)], {
      cwd: root,
      stdio: "inherit",
      env: { ...env, TEST_TYPE: "browser", BROWSER_BASE_URL: `http://localhost:${port}`, CHROMIUM_PATH: chromium },
    })
    code = r.status ?? 1
  } catch (e) {
    console.error(`[browser-tests] ${e.message}; backend log: ${path.join(dataDir, "backend.log")}`)
  } finally {
    try {
      process.kill(-stack.pid, "SIGINT")
    } catch {}
    await new Promise((r) => setTimeout(r, 4000))
  }
  process.exit(code)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
