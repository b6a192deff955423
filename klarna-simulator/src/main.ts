import { startKlarnaSimulator } from "./index"
import type { SimulatorOptions } from "./types"

async function main(): Promise<void> {
  const env = process.env
  const opts: SimulatorOptions = {
    port: env.KLARNA_SIMULATOR_PORT ? Number(env.KLARNA_SIMULATOR_PORT) : 4010,
    host: env.KLARNA_SIMULATOR_HOST || "127.0.0.1",
    logger: { info: (msg) => console.log(msg) },
  }
  if (env.KLARNA_SIMULATOR_USERNAME && env.KLARNA_SIMULATOR_PASSWORD) {
    opts.credentials = [{ username: env.KLARNA_SIMULATOR_USERNAME, password: env.KLARNA_SIMULATOR_PASSWORD }]
  }
  if (env.KUSTOM_SIMULATOR_USERNAME && env.KUSTOM_SIMULATOR_PASSWORD) {
    opts.kustom = { credentials: [{ username: env.KUSTOM_SIMULATOR_USERNAME, password: env.KUSTOM_SIMULATOR_PASSWORD }] }
  }
  if (!Number.isInteger(opts.port) || (opts.port as number) < 0) {
    throw new Error(`KLARNA_SIMULATOR_PORT must be a port number, got ${env.KLARNA_SIMULATOR_PORT}`)
  }

  const sim = await startKlarnaSimulator(opts)
  console.log(`Klarna simulator listening on ${sim.url} (Kustom: ${sim.kustomUrl})`)

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    sim.close().then(
      () => process.exit(0),
      (err) => {
        console.error(`Klarna simulator: error while closing on ${signal}`, err)
        process.exit(1)
      }
    )
  }
  process.once("SIGINT", () => shutdown("SIGINT"))
  process.once("SIGTERM", () => shutdown("SIGTERM"))
}

main().catch((err) => {
  console.error("Klarna simulator failed to start:", err instanceof Error ? err.message : err)
  process.exit(1)
})
