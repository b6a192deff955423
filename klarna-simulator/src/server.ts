import type { AddressInfo } from "node:net"
import { buildApp } from "./app"
import { createContext } from "./context"
import { KUSTOM_PREFIX } from "./realm"
import type { RunningSimulator, SimulatorOptions } from "./types"

export async function startKlarnaSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const ctx = createContext(opts)
  const app = buildApp(ctx)
  const host = opts.host ?? "127.0.0.1"

  const server = await new Promise<import("node:http").Server>((resolve, reject) => {
    const s = app.listen(opts.port ?? 0, host)
    s.once("listening", () => resolve(s))
    s.once("error", reject)
  })
  const { port } = server.address() as AddressInfo
  const urlHost = host.includes(":") ? `[${host}]` : host

  const url = `http://${urlHost}:${port}`
  return {
    url,
    kustomUrl: `${url}${KUSTOM_PREFIX}`,
    port,
    reset: () => ctx.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        ctx.dispose()
        server.close((err) => (err ? reject(err) : resolve()))
        // Drop keep-alive and hanging (fault-injected) connections so close() returns promptly.
        server.closeAllConnections()
      }),
  }
}
