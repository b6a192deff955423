import type { KustomSimulatorOptions, SimulatorCredential, SimulatorOptions } from "./types"

const MINUTE = 60_000
const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

export interface SimulatorConfig {
  credentials: SimulatorCredential[]
  apiKeys: string[]
  authorizationTtlMs: number
  sessionTtlMs: number
  authorizationDays: number
  /** Klarna's hard cap for extended authorizations, counted from order creation. */
  maxAuthorizationDays: number
  idempotencyTtlMs: number
  /** A `hang` fault closes the socket after this long. */
  hangMs: number
  notificationTimeoutMs: number
  requestLogLimit: number
  logger?: { info(msg: string): void }
  kustom: KustomConfig
}

/** Credentials of one realm; what Basic auth checks against. */
export interface RealmCredentials {
  credentials: SimulatorCredential[]
  apiKeys: string[]
}

export interface KustomConfig extends RealmCredentials {
  pushInitialDelayMs: number
  pushScheduleMs: number[]
  validationTimeoutMs: number
  /** A checkout order not completed expires this long after its last update. */
  checkoutTtlMs: number
}

export const DEFAULT_CREDENTIALS: SimulatorCredential[] = [{ username: "sim_user", password: "sim_password" }]

export const DEFAULT_KUSTOM_CREDENTIALS: SimulatorCredential[] = [{ username: "PM_sim_kustom", password: "kco_sim_password" }]

/** Kustom's push retries: 5, 15, 30 and 60 min after the purchase, then every 4 h until 48 h. */
export const KUSTOM_PUSH_SCHEDULE_MS: number[] = [
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  60 * MINUTE,
  ...Array.from({ length: 12 }, (_, i) => (i + 1) * 4 * HOUR),
]

function resolveKustomConfig(opts: KustomSimulatorOptions = {}): KustomConfig {
  return {
    credentials: opts.credentials?.length ? opts.credentials : DEFAULT_KUSTOM_CREDENTIALS,
    apiKeys: opts.apiKeys ?? [],
    pushInitialDelayMs: opts.pushInitialDelayMs ?? 2 * MINUTE,
    pushScheduleMs: [...(opts.pushScheduleMs ?? KUSTOM_PUSH_SCHEDULE_MS)].sort((a, b) => a - b),
    validationTimeoutMs: opts.validationTimeoutMs ?? 10_000,
    checkoutTtlMs: 48 * HOUR,
  }
}

export function resolveConfig(opts: SimulatorOptions = {}): SimulatorConfig {
  return {
    credentials: opts.credentials?.length ? opts.credentials : DEFAULT_CREDENTIALS,
    apiKeys: opts.apiKeys ?? [],
    authorizationTtlMs: opts.authorizationTtlMs ?? 60 * MINUTE,
    sessionTtlMs: opts.sessionTtlMs ?? 48 * HOUR,
    authorizationDays: opts.authorizationDays ?? 28,
    maxAuthorizationDays: 180,
    idempotencyTtlMs: 24 * HOUR,
    hangMs: 60_000,
    notificationTimeoutMs: 5_000,
    requestLogLimit: 2_000,
    logger: opts.logger,
    kustom: resolveKustomConfig(opts.kustom),
  }
}
