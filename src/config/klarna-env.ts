/**
 * Klarna provider options from environment variables, for the dev/test app and
 * for apps that prefer env configuration. Unset variables are left out so the
 * provider's own defaults and validation apply.
 */
export function klarnaProviderOptionsFromEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const options: Record<string, unknown> = {
    region: env.KLARNA_REGION,
    environment: env.KLARNA_ENVIRONMENT,
    baseUrl: env.KLARNA_BASE_URL,
    username: env.KLARNA_USERNAME,
    password: env.KLARNA_PASSWORD,
    apiKey: env.KLARNA_API_KEY,
    defaultPurchaseCountry: env.KLARNA_DEFAULT_PURCHASE_COUNTRY,
    defaultLocale: env.KLARNA_DEFAULT_LOCALE,
    backendUrl: env.KLARNA_BACKEND_URL ?? env.MEDUSA_BACKEND_URL,
    timeoutMs: env.KLARNA_TIMEOUT_MS ? Number(env.KLARNA_TIMEOUT_MS) : undefined,
    maxRetries: env.KLARNA_MAX_RETRIES ? Number(env.KLARNA_MAX_RETRIES) : undefined,
    retryBaseDelayMs: env.KLARNA_RETRY_BASE_DELAY_MS ? Number(env.KLARNA_RETRY_BASE_DELAY_MS) : undefined,
  }
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined && v !== ""))
}

/**
 * Order-management module options from the environment: how long an action
 * may run before another process takes it over (`KLARNA_ACTION_LEASE_MS`), and
 * after how long a Medusa capture that never got Klarna's answer is treated as
 * abandoned by a process that died (`KLARNA_UNFINISHED_CAPTURE_AFTER_MS`).
 */
export function klarnaRecoveryOptionsFromEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const recovery = {
    leaseMs: env.KLARNA_ACTION_LEASE_MS ? Number(env.KLARNA_ACTION_LEASE_MS) : undefined,
    unfinishedAfterMs: env.KLARNA_UNFINISHED_CAPTURE_AFTER_MS ? Number(env.KLARNA_UNFINISHED_CAPTURE_AFTER_MS) : undefined,
  }
  const given = Object.fromEntries(Object.entries(recovery).filter(([, v]) => v !== undefined))
  return Object.keys(given).length ? { recovery: given } : {}
}
