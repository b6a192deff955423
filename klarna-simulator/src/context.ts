import { resolveConfig, type SimulatorConfig } from "./config"
import { FaultRegistry } from "./faults"
import { IdempotencyStore } from "./idempotency"
import { RequestLog } from "./request-log"
import { SimStore } from "./state/store"
import type { SimulatorOptions } from "./types"

/** Everything one simulator instance holds; routes receive it instead of using globals. */
export interface SimContext {
  config: SimulatorConfig
  store: SimStore
  idempotency: IdempotencyStore
  faults: FaultRegistry
  requestLog: RequestLog
  now(): number
  reset(): void
}

export function createContext(opts?: SimulatorOptions): SimContext {
  const config = resolveConfig(opts)
  const ctx: SimContext = {
    config,
    store: new SimStore(),
    idempotency: new IdempotencyStore(config.idempotencyTtlMs),
    faults: new FaultRegistry(config.hangMs),
    requestLog: new RequestLog(config.requestLogLimit),
    now: () => Date.now(),
    reset() {
      ctx.store.reset()
      ctx.idempotency.clear()
      ctx.faults.clear()
      ctx.requestLog.clear()
    },
  }
  return ctx
}
