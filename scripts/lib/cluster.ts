// A server and worker processes as a merchant runs them (`npm start` with MEDUSA_WORKER_MODE=server,
// `npm run worker` for each worker), on one database and one Redis: for the scale-out test and benchmark.
import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import axios, { type AxiosInstance } from "axios"
import Redis from "ioredis"
import { DEMO_ADMIN } from "../../demo/demo-store-names"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { freePort } = require("./embedded-postgres")

const root = path.resolve(__dirname, "..", "..")

export interface ClusterProcess {
  name: string
  child: ChildProcess
  output: () => string
  /** The whole process group (the command and the Medusa it runs). */
  kill: (signal: NodeJS.Signals) => void
  exited: Promise<void>
}

function launch(name: string, script: string, env: NodeJS.ProcessEnv, ready: string, timeoutMs: number): Promise<ClusterProcess> {
  const logFile = env.MEDUSA_KLARNA_DATA_DIR ? path.join(env.MEDUSA_KLARNA_DATA_DIR, `${name}.log`) : undefined
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", script)], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true })
  let out = ""
  const take = (d: Buffer) => {
    out += d
    if (out.length > 400_000) out = out.slice(-200_000)
    if (logFile) fs.appendFileSync(logFile, d)
  }
  child.stdout!.on("data", take)
  child.stderr!.on("data", take)
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  const proc: ClusterProcess = {
    name,
    child,
    output: () => out,
    kill: (signal) => {
      try {
        process.kill(-child.pid!, signal)
      } catch {
        /* gone already */
      }
    },
    exited,
  }
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes(ready)) {
        clearInterval(timer)
        clearTimeout(giveUp)
        resolve(proc)
      }
    }, 200)
    const giveUp = setTimeout(() => {
      clearInterval(timer)
      proc.kill("SIGKILL")
      reject(new Error(`${name} was not ready within ${timeoutMs / 1000} s:\n${out.slice(-4000)}`))
    }, timeoutMs)
    child.once("exit", (code) => {
      clearInterval(timer)
      clearTimeout(giveUp)
      reject(new Error(`${name} exited (${code}) before it was ready:\n${out.slice(-4000)}`))
    })
  }).then((p) => p as ClusterProcess)
}

export interface Cluster {
  server: ClusterProcess
  workers: ClusterProcess[]
  baseUrl: string
  simulatorUrl: string
  dataDir: string
  admin: AxiosInstance
  sim: AxiosInstance
  addWorker: (name: string) => Promise<ClusterProcess>
  stop: () => Promise<void>
}

/**
 * Boots `npm start` as the server (its simulator when no Klarna credentials are given, the embedded
 * PostgreSQL when no DATABASE_URL) and then `workers` workers, which find the database and the
 * simulator in the server's data folder as `npm run worker` does.
 */
export async function startCluster(opts: { dataDir: string; redisUrl: string; workers: number; mode?: "server" | "shared"; env?: NodeJS.ProcessEnv }): Promise<Cluster> {
  fs.mkdirSync(opts.dataDir, { recursive: true })
  const port = await freePort()
  const base: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    MEDUSA_KLARNA_DATA_DIR: opts.dataDir,
    MEDUSA_DISABLE_TELEMETRY: "true",
    MEDUSA_ADMIN_DISABLED: "true",
    ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}),
    ...opts.env,
  }
  const server = await launch(
    "server",
    "start.ts",
    {
      ...base,
      PORT: String(port),
      MEDUSA_BACKEND_URL: `http://localhost:${port}`,
      KLARNA_SIMULATOR_PORT: "0",
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      MEDUSA_WORKER_MODE: opts.mode ?? "server",
    },
    "medusa-klarna is running",
    420_000
  )
  const runtime = JSON.parse(fs.readFileSync(path.join(opts.dataDir, "runtime.json"), "utf8"))
  const baseUrl = `http://127.0.0.1:${port}`
  const workers: ClusterProcess[] = []
  /** Starts one more worker (joining `workers`, so `stop` ends it too). */
  const addWorker = async (name: string) => {
    const worker = await launch(name, "worker.ts", { ...base, DATABASE_URL: opts.env?.DATABASE_URL, WORKER_PORT: String(await freePort()) }, "Worker ready", 240_000)
    workers.push(worker)
    return worker
  }
  await Promise.all(Array.from({ length: opts.workers }, (_, i) => addWorker(`worker-${i + 1}`)))
  const { data } = await axios.post(`${baseUrl}/auth/user/emailpass`, DEMO_ADMIN)
  const cluster: Cluster = {
    server,
    workers,
    baseUrl,
    simulatorUrl: runtime.simulator_url,
    dataDir: opts.dataDir,
    admin: axios.create({ baseURL: baseUrl, headers: { authorization: `Bearer ${data.token}` } }),
    sim: axios.create({ baseURL: runtime.simulator_url }),
    addWorker,
    stop: async () => {
      const all = [...cluster.workers, cluster.server]
      for (const p of all) p.kill("SIGINT")
      await Promise.race([Promise.all(all.map((p) => p.exited)), new Promise((r) => setTimeout(r, 15_000))])
      for (const p of all) p.kill("SIGKILL")
    },
  }
  return cluster
}

/** Redis reachable at this URL (a TCP connect), for skipping with a reason where there is none. */
export function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = require("node:net").connect(Number(port || 6379), hostname || "127.0.0.1")
    socket.once("connect", () => (socket.destroy(), resolve(true)))
    socket.once("error", () => resolve(false))
    socket.setTimeout(2000, () => (socket.destroy(), resolve(false)))
  })
}

/** A Redis database of its own (this index of the server at `url`), emptied: no queue, lock or schedule of another run. */
export async function isolatedRedis(url: string, db: number): Promise<string> {
  const own = new URL(url)
  own.pathname = `/${db}`
  const redis = new Redis(own.toString(), { maxRetriesPerRequest: 1 })
  await redis.flushdb()
  redis.disconnect()
  return own.toString()
}
