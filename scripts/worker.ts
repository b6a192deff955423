// `npm run worker`: one Medusa worker process (MEDUSA_WORKER_MODE=worker) beside a server started with
// REDIS_URL: it handles events (the Klarna automations) and runs the scheduled jobs (the retry job, the
// WooCommerce import runs), taking them from Redis. It migrates and seeds nothing and serves no routes
// or admin; its port answers /health only. Start as many as the load needs.
import { spawn, type ChildProcess } from "node:child_process"
import path from "node:path"
import { readDatabaseState } from "./lib/database-state"
import { migrationFingerprint } from "./lib/migration-fingerprint"
import { planStart } from "./lib/start-plan"
import { portInUse } from "./lib/port-in-use"
import { stopGracefully } from "./lib/stop-gracefully"
import { readRuntimeFile, workerEnv, WorkerSetupError } from "./lib/worker-env"
import { DEMO_ADMIN } from "../demo/demo-store-names"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { freePort } = require("./lib/embedded-postgres")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { waitForHttp } = require("./lib/wait-for-http")

const root = path.resolve(__dirname, "..")
const dataDir = path.resolve(root, process.env.MEDUSA_KLARNA_DATA_DIR || ".data")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")

let worker: ChildProcess | undefined

const log = (msg: string) => console.log(`[medusa-klarna worker] ${msg}`)
const withoutPassword = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@")

async function main() {
  const env = workerEnv(process.env, readRuntimeFile(dataDir))
  const state = await readDatabaseState(env.DATABASE_URL!, DEMO_ADMIN.email).catch((e: Error) => {
    throw new WorkerSetupError(`Cannot reach the database at ${withoutPassword(env.DATABASE_URL!)}: ${e.message}`)
  })
  if (planStart(state, migrationFingerprint(root, env)).migrate) {
    throw new WorkerSetupError("The database is not migrated for this code: start the server first (`npm start` migrates it), then the workers.")
  }
  const port = Number(process.env.WORKER_PORT) || (await freePort(9100))
  if (await portInUse(port)) {
    throw new WorkerSetupError(`Port ${port} (WORKER_PORT) is taken by another program: choose another.`)
  }
  log(`Starting a worker (health on :${port}); events and jobs from Redis at ${withoutPassword(env.REDIS_URL!)}…`)
  worker = spawn(medusaBin, ["start"], { cwd: root, stdio: "inherit", env: { ...env, PORT: String(port) } })
  const child = worker
  child.on("exit", (code) => shutdown(code ?? 0))
  await waitForHttp(`http://127.0.0.1:${port}/health`, {
    timeoutMs: 180_000,
    stillRunning: () => child.exitCode === null && child.signalCode === null,
    onGiveUp: (why: string) => new WorkerSetupError(why),
  })
  log(`Worker ready (pid ${child.pid}): handling Klarna automations and scheduled jobs.`)
}

let stopping = false
async function shutdown(code: number) {
  if (stopping) return
  stopping = true
  if (worker) await stopGracefully(worker, { group: false })
  process.exit(code)
}

process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))
main().catch(async (e) => {
  console.error(`[medusa-klarna worker] ${e instanceof WorkerSetupError ? e.message : e?.stack ?? e}`)
  await shutdown(1)
})
