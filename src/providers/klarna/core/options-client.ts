import { createKlarnaClient, type KlarnaClient, type KlarnaLogger } from "../../../klarna/client"
import type { KlarnaProviderOptions, ProviderBrand } from "../../../klarna/types/options"

/**
 * The Klarna client for parsed provider options: the provider and the
 * plugin's workflows both build theirs here, so they share credentials,
 * region, base URL, timeouts and retry settings. A Kustom provider's client
 * talks to Kustom's hosts (api.kustom.co) unless `baseUrl` overrides them.
 */
export function createKlarnaClientForOptions(options: KlarnaProviderOptions, logger?: KlarnaLogger, brand: ProviderBrand = "klarna"): KlarnaClient {
  return createKlarnaClient({
    product: brand === "kustom" ? "checkout" : "payments",
    region: options.region,
    environment: options.environment,
    baseUrl: options.baseUrl,
    username: options.username,
    password: options.password,
    apiKey: options.apiKey,
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries,
    retryBaseDelayMs: options.retryBaseDelayMs,
    logger,
  })
}
