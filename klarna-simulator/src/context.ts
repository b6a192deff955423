import { resolveConfig, type SimulatorConfig } from "./config"
import { FaultRegistry } from "./faults"
import { IdempotencyStore } from "./idempotency"
import { PushScheduler } from "./kustom/push-scheduler"
import { RequestLog } from "./request-log"
import { resolveSettlementConfig, type SettlementConfig } from "./settlements/settlement-config"
import { SettlementStore } from "./settlements/settlement-store"
import { SimStore } from "./state/store"
import type { SimulatorOptions } from "./types"

/** Everything one simulator instance holds; routes receive it instead of using globals. */
export interface SimContext {
  config: SimulatorConfig
  store: SimStore
  idempotency: IdempotencyStore
  faults: FaultRegistry
  requestLog: RequestLog
  /** Kustom's push series of completed checkouts. */
  pushes: PushScheduler
  /** Payouts made from the captures and refunds (both realms), and the fee model. */
  settlements: { config: SettlementConfig; store: SettlementStore }
  now(): number
  reset(): void
  /** Stops timers (server close). */
  dispose(): void
}

export function createContext(opts?: SimulatorOptions): SimContext {
  const config = resolveConfig(opts)
  const store = new SimStore()
  const ctx: SimContext = {
    config,
    store,
    idempotency: new IdempotencyStore(config.idempotencyTtlMs),
    faults: new FaultRegistry(config.hangMs),
    requestLog: new RequestLog(config.requestLogLimit),
    pushes: new PushScheduler(store, config),
    settlements: { config: resolveSettlementConfig(opts?.settlements), store: new SettlementStore() },
    now: () => Date.now(),
    reset() {
      ctx.pushes.clear()
      ctx.store.reset()
      ctx.settlements.store.reset()
      ctx.idempotency.clear()
      ctx.faults.clear()
      ctx.requestLog.clear()
    },
    dispose() {
      ctx.faults.dispose()
      ctx.pushes.clear()
    },
  }
  return ctx
}
