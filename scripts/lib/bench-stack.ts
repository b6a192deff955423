// The main command booted for a benchmark: free ports, its data in a dot folder (`medusa develop`
// does not restart for it, git ignores it), no Klarna credentials (the simulator) and no DATABASE_URL
// (the embedded PostgreSQL).
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import axios, { type AxiosInstance } from "axios"
import { DEMO_ADMIN } from "../../demo/demo-store-names"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { freePort } = require("./embedded-postgres")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { waitForHttp } = require("./wait-for-http")

const root = path.resolve(__dirname, "..", "..")

export interface BenchStack {
  baseUrl: string
  simulatorUrl: string
  dataDir: string
  api: AxiosInstance
  stop: () => Promise<void>
}

export async function bootBenchStack(name: string): Promise<BenchStack> {
  const dataDir = path.join(root, ".bench", name)
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.mkdirSync(dataDir, { recursive: true })
  console.log(`Booting the main command (data in ${path.relative(root, dataDir)})…`)
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
  let exited = false
  child.once("exit", () => (exited = true))
  await waitForHttp(`http://127.0.0.1:${port}/health`, {
    timeoutMs: 300_000,
    intervalMs: 1000,
    stillRunning: () => !exited,
    onGiveUp: (why: string) => new Error(`${why.replace("; see its output above", "")} (its output: ${path.relative(root, path.join(dataDir, "backend.log"))})`),
  })
  const baseUrl = `http://127.0.0.1:${port}`
  const simulatorUrl = JSON.parse(fs.readFileSync(path.join(dataDir, "runtime.json"), "utf8")).simulator_url as string
  const { data } = await axios.post(`${baseUrl}/auth/user/emailpass`, DEMO_ADMIN)
  const api = axios.create({ baseURL: baseUrl, headers: { authorization: `Bearer ${data.token}` } })
  return {
    baseUrl,
    simulatorUrl,
    dataDir,
    api,
    stop: async () => {
      process.kill(-child.pid!, "SIGINT")
      await new Promise((r) => setTimeout(r, 4000))
    },
  }
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

export const numberArg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function inBatches<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await work(items[i])
      }
    })
  )
  return out
}
