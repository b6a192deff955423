// What a worker process (`npm run worker`) connects to: the environment first, else what the running
// `npm start` wrote to its data folder (the embedded PostgreSQL's URL, the simulator, Redis).
import fs from "node:fs"
import path from "node:path"

export interface RuntimeFile {
  backend_url?: string
  env?: Record<string, string>
}

export class WorkerSetupError extends Error {}

export function readRuntimeFile(dataDir: string): RuntimeFile | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, "runtime.json"), "utf8")) as RuntimeFile
  } catch {
    return undefined
  }
}

const hasCredentials = (env: NodeJS.ProcessEnv, prefix: "KLARNA" | "KUSTOM") =>
  !!(env[`${prefix}_API_KEY`] || (env[`${prefix}_USERNAME`] && env[`${prefix}_PASSWORD`]))

/** The worker's environment, or a WorkerSetupError that says what to set. */
export function workerEnv(env: NodeJS.ProcessEnv, runtime: RuntimeFile | undefined): NodeJS.ProcessEnv {
  const shared = runtime?.env ?? {}
  const out: NodeJS.ProcessEnv = { ...env }
  out.DATABASE_URL = env.DATABASE_URL || shared.DATABASE_URL
  out.REDIS_URL = env.REDIS_URL || shared.REDIS_URL
  if (!out.DATABASE_URL) {
    throw new WorkerSetupError(
      "A worker needs the server's database: set DATABASE_URL (the same as the server's), or run `npm start` first in this folder (the worker then uses its database)."
    )
  }
  if (!out.REDIS_URL) {
    throw new WorkerSetupError(
      "A worker takes its events and scheduled jobs from Redis: set REDIS_URL to the server's Redis (and start the server with the same REDIS_URL)."
    )
  }
  if (!hasCredentials(env, "KLARNA")) {
    if (!shared.KLARNA_BASE_URL) {
      throw new WorkerSetupError(
        "A worker needs the server's Klarna connection: set KLARNA_USERNAME and KLARNA_PASSWORD (or KLARNA_API_KEY) as for the server, or run `npm start` first in this folder (the worker then uses its Klarna simulator)."
      )
    }
    for (const key of ["KLARNA_BASE_URL", "KLARNA_USERNAME", "KLARNA_PASSWORD", "KLARNA_SIMULATOR_URL"]) {
      out[key] = shared[key]
    }
  }
  // Kustom's connection (Klarna Checkout orders): the server's simulator when it runs one and none is set here.
  if (!hasCredentials(env, "KUSTOM") && shared.KUSTOM_BASE_URL) {
    for (const key of ["KUSTOM_BASE_URL", "KUSTOM_USERNAME", "KUSTOM_PASSWORD"]) {
      out[key] = shared[key]
    }
  }
  out.MEDUSA_BACKEND_URL = env.MEDUSA_BACKEND_URL || runtime?.backend_url || "http://localhost:9000"
  out.MEDUSA_WORKER_MODE = "worker"
  out.MEDUSA_ADMIN_DISABLED = "true"
  out.NODE_ENV = env.NODE_ENV || "development"
  return out
}
