import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { createFakeWooCommerceApp, type FakeAppState } from "./app"
import { FaultTable } from "./faults"
import { NonceStore } from "./oauth"
import type { FakeWooCommerceOptions, RecordedRequest, RunningFakeWooCommerce, WooOrder, WooOrderDetails } from "./types"

/** Default credentials, shaped like real WooCommerce keys (ck_/cs_ + 40 hex). */
export const DEFAULT_CONSUMER_KEY = "ck_fa4e0000000000000000000000000000000000a1"
export const DEFAULT_CONSUMER_SECRET = "cs_fa4e00000000000000000000000000000000005e"

export async function startFakeWooCommerce(options: FakeWooCommerceOptions = {}): Promise<RunningFakeWooCommerce> {
  const state: FakeAppState = {
    store: { orders: [...(options.orders ?? [])], refunds: { ...(options.refunds ?? {}) }, notes: { ...(options.notes ?? {}) } },
    creds: {
      consumerKey: options.consumerKey ?? DEFAULT_CONSUMER_KEY,
      consumerSecret: options.consumerSecret ?? DEFAULT_CONSUMER_SECRET,
    },
    pageSizeCap: options.pageSizeCap ?? 100,
    faults: new FaultTable(),
    log: [],
    nonces: new NonceStore(),
    latencyMs: options.latencyMs ?? 0,
    stats: { inFlight: 0, maxInFlight: 0 },
  }
  const app = createFakeWooCommerceApp(state)
  const server: Server = createServer(app)
  const host = options.host ?? "127.0.0.1"
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`

  return {
    url,
    consumerKey: state.creds.consumerKey,
    consumerSecret: state.creds.consumerSecret,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections?.()
      }),
    setOrders(orders: WooOrder[], details: WooOrderDetails = {}) {
      state.store.orders = [...orders]
      state.store.refunds = { ...(details.refunds ?? {}) }
      state.store.notes = { ...(details.notes ?? {}) }
    },
    addFault: (fault) => state.faults.add(fault),
    clearFaults: () => state.faults.clear(),
    requests: (): RecordedRequest[] => state.log.map((r) => ({ ...r, query: { ...r.query } })),
    clearRequests: () => {
      state.log.length = 0
    },
    setLatency: (ms: number) => {
      state.latencyMs = ms
    },
    stats: () => ({ ...state.stats }),
    resetStats: () => {
      state.stats.maxInFlight = state.stats.inFlight
    },
  }
}
