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
  /** The Kustom realm (Checkout v3 + Order Management) under `<url>/kustom`. */
  kustom?: KustomSimulatorOptions
  /** Payouts made from captures and refunds (Settlements API); see POST /_sim/settlements/payouts. */
  settlements?: SettlementSimulatorOptions
}

export interface SettlementSimulatorOptions {
  /** Fee on each sale in basis points (290 = 2.90 %), rounded half up to minor units; default 290. */
  feePercentBp?: number
  /** Fixed fee per sale in minor units; default 0. */
  fixedFeeMinor?: number
  /** Days after a capture/refund before it is paid out; default 7. */
  payoutDelayDays?: number
}

export interface KustomSimulatorOptions {
  /** Default [{ username: "PM_sim_kustom", password: "kco_sim_password" }]. */
  credentials?: SimulatorCredential[]
  /** Raw Kustom API keys, accepted like Klarna's `apiKeys`. */
  apiKeys?: string[]
  /** First push to merchant_urls.push, after completion; default 120 000 (2 min). */
  pushInitialDelayMs?: number
  /**
   * Retries while the order is not acknowledged, each a delay after completion; default
   * 5, 15, 30, 60 min, then every 4 h up to 48 h.
   */
  pushScheduleMs?: number[]
  /** How long the validation callback may take before the purchase is refused; default 10 000. */
  validationTimeoutMs?: number
}

export interface RunningSimulator {
  url: string
  /** Kustom's base URL: `${url}/kustom`. */
  kustomUrl: string
  port: number
  close(): Promise<void>
  reset(): void
}
