/**
 * Klarna provider options from environment variables, for the dev/test app and
 * for apps that prefer env configuration. Unset variables are left out so the
 * provider's own defaults and validation apply.
 */
export function klarnaProviderOptionsFromEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  return providerOptionsFromEnv(env, "KLARNA")
}

/**
 * The Kustom provider's options (Klarna Checkout orders, run by Kustom):
 * `KUSTOM_USERNAME`/`KUSTOM_PASSWORD` or `KUSTOM_API_KEY`, `KUSTOM_REGION`,
 * `KUSTOM_ENVIRONMENT`, `KUSTOM_BASE_URL`; timeouts, locale and backend URL
 * default to Klarna's variables.
 */
export function kustomProviderOptionsFromEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  // Kustom Checkout sends the shopper to the storefront's pages; the dev app's storefront is on :8000.
  const storefront = (env.STOREFRONT_URL || "http://localhost:8000").replace(/\/+$/, "")
  return {
    ...providerOptionsFromEnv(env, "KUSTOM"),
    merchantUrls: {
      terms: env.KUSTOM_TERMS_URL || `${storefront}/terms`,
      checkout: env.KUSTOM_CHECKOUT_URL || `${storefront}/checkout`,
      confirmation: env.KUSTOM_CONFIRMATION_URL || `${storefront}/checkout/kustom/confirmation?kustom_order_id={checkout.order.id}`,
    },
  }
}

/** The Kustom provider is registered when any of its connection variables is set. */
export function kustomConfiguredInEnv(env: NodeJS.ProcessEnv): boolean {
  return ["KUSTOM_USERNAME", "KUSTOM_PASSWORD", "KUSTOM_API_KEY", "KUSTOM_BASE_URL"].some((key) => !!env[key])
}

function providerOptionsFromEnv(env: NodeJS.ProcessEnv, prefix: "KLARNA" | "KUSTOM"): Record<string, unknown> {
  const own = (name: string) => env[`${prefix}_${name}`]
  const shared = (name: string) => own(name) ?? env[`KLARNA_${name}`]
  const number = (value: string | undefined) => (value ? Number(value) : undefined)
  const options: Record<string, unknown> = {
    region: own("REGION"),
    environment: own("ENVIRONMENT"),
    baseUrl: own("BASE_URL"),
    username: own("USERNAME"),
    password: own("PASSWORD"),
    apiKey: own("API_KEY"),
    defaultPurchaseCountry: shared("DEFAULT_PURCHASE_COUNTRY"),
    defaultLocale: shared("DEFAULT_LOCALE"),
    backendUrl: shared("BACKEND_URL") ?? env.MEDUSA_BACKEND_URL,
    timeoutMs: number(shared("TIMEOUT_MS")),
    maxRetries: number(shared("MAX_RETRIES")),
    retryBaseDelayMs: number(shared("RETRY_BASE_DELAY_MS")),
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
