// The main command: a Medusa backend with this plugin and a demo store taking Klarna payments.
// Without DATABASE_URL it runs an embedded PostgreSQL (data in .data/postgres); without Klarna
// credentials it runs the local Klarna simulator. What the database needs (migrations, the demo
// store, the admin) is read from the database itself, and only what is missing is done.
// `--watch` serves with `medusa develop` (restarts on file changes) instead of `medusa start`.
import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { startKlarnaSimulator } from "../klarna-simulator/src"
import type { RunningSimulator } from "../klarna-simulator/src"
import { describeKlarnaConnection } from "../src/klarna/client/describe-connection"
import { DEMO_ADMIN } from "../demo/demo-store-names"
import { startBanner } from "./lib/banner"
import { readDatabaseState, recordMigrated, type DatabaseState } from "./lib/database-state"
import { migrationFingerprint } from "./lib/migration-fingerprint"
import { planStart } from "./lib/start-plan"
import { portInUse } from "./lib/port-in-use"
import { stopGracefully } from "./lib/stop-gracefully"
import { workerModeFromEnv, type WorkerMode } from "../src/config/worker-mode"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startEmbeddedPostgres, EmbeddedPostgresError } = require("./lib/embedded-postgres")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { waitForHttp } = require("./lib/wait-for-http")

const root = path.resolve(__dirname, "..")
const dataDir = path.resolve(root, process.env.MEDUSA_KLARNA_DATA_DIR || ".data")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const PORT = Number(process.env.PORT || 9000)
const watch = process.argv.includes("--watch")

let pg: { stop: () => Promise<void> } | undefined
let simulator: RunningSimulator | undefined
let server: ChildProcess | undefined

function log(msg: string) {
  console.log(`[medusa-klarna] ${msg}`)
}

/** A failure the person at the terminal can act on: one line, no stack trace. */
class StartError extends Error {}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(medusaBin, args, { cwd: root, stdio: "inherit", env })
    child.on("error", (e) => reject(new StartError(`medusa ${args[0]} could not run: ${e.message}`)))
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new StartError(`medusa ${args.join(" ")} failed (exit ${code ?? signal}); see its output above`))
    )
  })
}

async function loginWorks(email: string, password: string): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${PORT}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    })
    return res.ok && typeof ((await res.json()) as { token?: unknown }).token === "string"
  } catch {
    return false
  }
}

async function database(env: NodeJS.ProcessEnv): Promise<string> {
  if (env.DATABASE_URL) return env.DATABASE_URL
  log(`DATABASE_URL is not set: starting the embedded PostgreSQL (data in ${path.relative(root, path.join(dataDir, "postgres")) || "."})…`)
  try {
    const started = await startEmbeddedPostgres({
      dir: path.join(dataDir, "postgres"),
      port: Number(env.EMBEDDED_POSTGRES_PORT || 54329),
      persistent: true,
      logFile: path.join(dataDir, "postgres.log"),
      onNote: (note: string) => log(`Note: ${note}`),
    })
    pg = started
    await started.createDatabase("medusa_klarna")
    return started.url("medusa_klarna")
  } catch (e: any) {
    const reason = e instanceof EmbeddedPostgresError ? e.message : `${e?.code ? `${e.code}: ` : ""}${e?.message ?? e}`
    throw new StartError(
      `The embedded PostgreSQL cannot run here: ${reason}. Set DATABASE_URL to a PostgreSQL database and run again, e.g. DATABASE_URL=postgres://user:password@localhost:5432/medusa npm start`
    )
  }
}

const SIM_KLARNA = { username: "sim_user", password: "sim_password" }
const SIM_KUSTOM = { username: "PM_sim_kustom", password: "kco_sim_password" }
const hasCredentials = (env: NodeJS.ProcessEnv, prefix: "KLARNA" | "KUSTOM") =>
  !!(env[`${prefix}_API_KEY`] || (env[`${prefix}_USERNAME`] && env[`${prefix}_PASSWORD`]))

/**
 * The Klarna and Kustom connections: real credentials from the environment, or
 * the local simulator for whichever has none (Kustom's at the simulator's /kustom).
 */
async function connections(env: NodeJS.ProcessEnv): Promise<{ env: NodeJS.ProcessEnv; klarna: string; kustom: string }> {
  const realKlarna = hasCredentials(env, "KLARNA")
  const realKustom = hasCredentials(env, "KUSTOM")
  const described = (prefix: "KLARNA" | "KUSTOM") =>
    describeKlarnaConnection({
      baseUrl: env[`${prefix}_BASE_URL`],
      region: env[`${prefix}_REGION`],
      environment: env[`${prefix}_ENVIRONMENT`],
      product: prefix === "KUSTOM" ? "checkout" : "payments",
    })
  if (realKlarna && realKustom) {
    return { env: {}, klarna: described("KLARNA"), kustom: described("KUSTOM") }
  }
  log(`No ${[!realKlarna && "Klarna", !realKustom && "Kustom"].filter(Boolean).join(" or ")} credentials set: starting the local Klarna simulator…`)
  const options = { credentials: [SIM_KLARNA], kustom: { credentials: [SIM_KUSTOM] } }
  simulator = await startKlarnaSimulator({ port: Number(env.KLARNA_SIMULATOR_PORT || 4010), ...options }).catch(() =>
    startKlarnaSimulator({ port: 0, ...options })
  )
  const url = simulator.url
  const simEnv: NodeJS.ProcessEnv = { KLARNA_SIMULATOR_URL: url }
  if (!realKlarna) {
    Object.assign(simEnv, { KLARNA_BASE_URL: url, KLARNA_USERNAME: SIM_KLARNA.username, KLARNA_PASSWORD: SIM_KLARNA.password })
  }
  if (!realKustom) {
    Object.assign(simEnv, { KUSTOM_BASE_URL: `${url}/kustom`, KUSTOM_USERNAME: SIM_KUSTOM.username, KUSTOM_PASSWORD: SIM_KUSTOM.password })
  }
  return {
    env: simEnv,
    klarna: realKlarna ? described("KLARNA") : `local Klarna simulator at ${url}`,
    kustom: realKustom ? described("KUSTOM") : `local Kustom simulator at ${url}/kustom`,
  }
}

async function readState(databaseUrl: string): Promise<DatabaseState> {
  try {
    return await readDatabaseState(databaseUrl, DEMO_ADMIN.email)
  } catch (e: any) {
    throw new StartError(`Cannot reach the database${process.env.DATABASE_URL ? " at DATABASE_URL" : ""}: ${e.message}`)
  }
}

/** Migrations, demo store and admin: each only when the database lacks it. */
async function prepareDatabase(env: NodeJS.ProcessEnv): Promise<DatabaseState> {
  const databaseUrl = env.DATABASE_URL as string
  const fingerprint = migrationFingerprint(root, env)
  let state = await readState(databaseUrl)
  const plan = planStart(state, fingerprint)
  if (plan.migrate) {
    log("Running database migrations…")
    await run(["db:migrate"], env)
    await recordMigrated(databaseUrl, fingerprint)
  } else {
    log("Database is migrated for this code: skipping migrations")
  }
  if (plan.seedStore || plan.createAdmin) {
    log(`${[plan.seedStore && "Seeding the demo store", plan.createAdmin && `creating the admin ${DEMO_ADMIN.email}`].filter(Boolean).join(" and ")}…`)
    await run(["exec", "./demo/seed.ts"], env)
    state = await readState(databaseUrl)
  } else {
    log("Demo store and admin are in the database: skipping the seed")
  }
  return state
}

function writeRuntimeFiles(env: NodeJS.ProcessEnv, state: DatabaseState) {
  fs.mkdirSync(dataDir, { recursive: true })
  if (state.demoStore) {
    fs.writeFileSync(path.join(dataDir, "demo-store.json"), JSON.stringify(state.demoStore, null, 2))
  }
  // For commands run beside the backend (demo:order, the WooCommerce import): the same database,
  // and the simulator's connections. Real Klarna or Kustom credentials are never written to disk.
  const simulated = (prefix: string) => env[`${prefix}_BASE_URL`]?.startsWith(env.KLARNA_SIMULATOR_URL ?? "\0")
  const shared = [
    "DATABASE_URL",
    "REDIS_URL",
    ...(env.KLARNA_SIMULATOR_URL ? ["KLARNA_SIMULATOR_URL"] : []),
    ...(simulated("KLARNA") ? ["KLARNA_BASE_URL", "KLARNA_USERNAME", "KLARNA_PASSWORD"] : []),
    ...(simulated("KUSTOM") ? ["KUSTOM_BASE_URL", "KUSTOM_USERNAME", "KUSTOM_PASSWORD"] : []),
  ]
  fs.writeFileSync(
    path.join(dataDir, "runtime.json"),
    JSON.stringify(
      {
        backend_url: env.MEDUSA_BACKEND_URL,
        simulator_url: env.KLARNA_SIMULATOR_URL ?? null,
        env: Object.fromEntries(shared.filter((k) => env[k]).map((k) => [k, env[k]])),
      },
      null,
      2
    )
  )
}

/** Where events and jobs run: a server alone needs Redis, from which its workers (`npm run worker`) take them. */
function workerMode(env: NodeJS.ProcessEnv): WorkerMode {
  let mode: WorkerMode
  try {
    mode = workerModeFromEnv(env.MEDUSA_WORKER_MODE)
  } catch (e: any) {
    throw new StartError(e.message)
  }
  if (mode !== "shared" && !env.REDIS_URL) {
    throw new StartError(
      `MEDUSA_WORKER_MODE=${mode} needs REDIS_URL: the server hands events and jobs to its workers through Redis. Set REDIS_URL, or leave MEDUSA_WORKER_MODE unset to run everything in one process.`
    )
  }
  if (mode === "worker") {
    throw new StartError("`npm start` runs the server (it migrates, seeds and serves the admin); start a worker with `npm run worker`.")
  }
  return mode
}

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env }
  const mode = workerMode(env)
  const [databaseUrl, connection] = await Promise.all([database(env), connections(env)])
  Object.assign(env, connection.env, { DATABASE_URL: databaseUrl })
  env.MEDUSA_BACKEND_URL = env.MEDUSA_BACKEND_URL || `http://localhost:${PORT}`
  env.MEDUSA_KLARNA_DATA_DIR = dataDir

  const state = await prepareDatabase(env)
  writeRuntimeFiles(env, state)
  // Else the banner would describe whatever server already answers on that port.
  if (await portInUse(PORT)) {
    throw new StartError(`Port ${PORT} is taken by another program (another npm start?): stop it, or choose another port, e.g. PORT=${PORT + 1} npm start`)
  }

  log(`Starting Medusa on :${PORT}${watch ? " (medusa develop: restarts when files change)" : ""}…`)
  // `medusa develop` serves the same way but forks the server and restarts it on file changes;
  // the admin is served by Vite's dev middleware in both (NODE_ENV=development), so no build step.
  server = spawn(medusaBin, [watch ? "develop" : "start"], {
    cwd: root,
    stdio: "inherit",
    detached: true,
    env: { ...env, PORT: String(PORT), NODE_ENV: env.NODE_ENV || "development" },
  })
  const child = server
  child.on("exit", (code) => shutdown(code ?? 0))
  await waitForHttp(`http://127.0.0.1:${PORT}/health`, {
    timeoutMs: 180_000,
    stillRunning: () => child.exitCode === null && child.signalCode === null,
    onGiveUp: (why: string) => new StartError(why),
  })
  console.log(
    startBanner({
      port: PORT,
      admin: { ...DEMO_ADMIN, loginWorks: await loginWorks(DEMO_ADMIN.email, DEMO_ADMIN.password) },
      publishableKey: state.demoStore?.publishable_key ?? null,
      klarna: connection.klarna,
      kustom: connection.kustom,
      watching: watch,
      serverOnly: mode === "server",
    })
  )
}

let stopping = false
async function shutdown(code: number) {
  if (stopping) return
  stopping = true
  // The server runs in its own process group: `medusa develop` forks, and the whole group has to
  // go or the server keeps the port.
  if (server) await stopGracefully(server, { group: true })
  await simulator?.close().catch(() => {})
  await pg?.stop().catch(() => {})
  process.exit(code)
}

process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))
main().catch(async (e) => {
  // Only an unexpected failure (a bug) gets its stack trace.
  console.error(`[medusa-klarna] ${e instanceof StartError ? e.message : e?.stack ?? e}`)
  await shutdown(1)
})
