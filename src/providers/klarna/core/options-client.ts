import { createKlarnaClient, type KlarnaClient, type KlarnaLogger } from "../../../klarna/client"
import type { KlarnaProviderOptions } from "../../../klarna/types/options"

/**
 * The Klarna client for parsed provider options: the provider and the
 * plugin's workflows both build theirs here, so they share credentials,
 * region, base URL, timeouts and retry settings.
 */
export function createKlarnaClientForOptions(options: KlarnaProviderOptions, logger?: KlarnaLogger): KlarnaClient {
  return createKlarnaClient({
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
