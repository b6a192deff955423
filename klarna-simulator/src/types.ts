export interface SimulatorCredential {
  username: string
  password: string
}

export interface SimulatorOptions {
  /** 0 or undefined = random free port. */
  port?: number
  /** Default "127.0.0.1". */
  host?: string
  /** Default [{ username: "sim_user", password: "sim_password" }]. */
  credentials?: SimulatorCredential[]
  /** Accepted as `Authorization: Basic <apiKey>` (the raw key, not base64 of user:pass). */
  apiKeys?: string[]
  /** Lifetime of an authorization token; default 60 min. */
  authorizationTtlMs?: number
  /** Lifetime of a payment session after its last update; default 48 h. */
  sessionTtlMs?: number
  /** Authorization window of an order; default 28 (expires_at = created_at + 28 d). */
  authorizationDays?: number
  /** Receives one line per request (never credentials). */
  logger?: { info(msg: string): void }
}

export interface RunningSimulator {
  url: string
  port: number
  close(): Promise<void>
  reset(): void
}
