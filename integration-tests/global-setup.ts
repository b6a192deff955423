import { startKlarnaSimulator } from "../klarna-simulator/src"

const SIM_USER = { username: "sim_user", password: "sim_password" }
const SIM_KUSTOM = { username: "PM_sim_kustom", password: "kco_sim_password" }

/**
 * Starts one Klarna simulator per Jest worker, so suites running side by side
 * never see each other's faults, requests or resets. Each worker's Medusa app
 * reaches its own simulator over real HTTP through the provider options in
 * medusa-config.ts (integration-tests/setup.js picks the worker's URL).
 */
export default async function globalSetup(globalConfig: { maxWorkers?: number }) {
  const workers = Math.max(1, globalConfig?.maxWorkers ?? 1)
  const simulators = await Promise.all(
    Array.from({ length: workers }, () =>
      startKlarnaSimulator({
        port: 0,
        credentials: [SIM_USER],
        // Tests push by hand (/_sim/kustom/orders/:id/push); no scheduled push reaches a later suite's app.
        kustom: { credentials: [SIM_KUSTOM], pushInitialDelayMs: 3_600_000 },
      })
    )
  )
  ;(globalThis as any).__KLARNA_SIMULATORS__ = simulators
  if (process.env.REDIS_URL) {
    await flushWorkerRedisDatabases(process.env.REDIS_URL, workers)
  }
  simulators.forEach((simulator, i) => {
    process.env[`KLARNA_SIMULATOR_URL_${i + 1}`] = simulator.url
  })
  useSimulator(simulators[0].url)
  process.env.KLARNA_RETRY_BASE_DELAY_MS = "20"
  process.env.KLARNA_TIMEOUT_MS = "3000"
  process.env.PAYMENT_WEBHOOK_DELAY_MS = "50"
  // The fake WooCommerce shops of the import tests listen on 127.0.0.1, which the admin route
  // refuses by default; woocommerce-import-url.spec.ts unsets this to prove the refusal.
  process.env.WOOCOMMERCE_IMPORT_ALLOW_PRIVATE_HOSTS = "true"
  delete process.env.KLARNA_API_KEY
  delete process.env.KUSTOM_API_KEY
}

/** Empties the Redis databases the workers' apps use (integration-tests/setup.js: 10 + worker id). */
async function flushWorkerRedisDatabases(redisUrl: string, workers: number) {
  const { default: Redis } = await import("ioredis")
  for (let worker = 1; worker <= workers; worker++) {
    const url = new URL(redisUrl)
    url.pathname = `/${10 + worker}`
    const redis = new Redis(url.toString(), { maxRetriesPerRequest: 1 })
    await redis.flushdb()
    redis.disconnect()
  }
}

/** The Klarna and Kustom connections of the app under test: this simulator's. */
function useSimulator(url: string) {
  process.env.KLARNA_SIMULATOR_URL = url
  process.env.KLARNA_BASE_URL = url
  process.env.KLARNA_USERNAME = SIM_USER.username
  process.env.KLARNA_PASSWORD = SIM_USER.password
  // Klarna Checkout orders live at Kustom: the simulator's Kustom realm, with Kustom's own credentials.
  process.env.KUSTOM_BASE_URL = `${url}/kustom`
  process.env.KUSTOM_USERNAME = SIM_KUSTOM.username
  process.env.KUSTOM_PASSWORD = SIM_KUSTOM.password
}
