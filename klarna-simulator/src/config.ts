import type { SimulatorCredential, SimulatorOptions } from "./types"

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
}

export const DEFAULT_CREDENTIALS: SimulatorCredential[] = [{ username: "sim_user", password: "sim_password" }]

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
  }
}
