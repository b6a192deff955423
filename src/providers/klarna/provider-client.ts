import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { KlarnaClient, KlarnaLogger } from "../../klarna/client"
import { createKlarnaClientForOptions } from "./core/options-client"
import { parseKlarnaProviderOptions, type KlarnaProviderOptions } from "../../klarna/types/options"

/** The static `identifier` of KlarnaProviderService: Medusa registers each entry as `pp_klarna_<id>`. */
const KLARNA_IDENTIFIER = "klarna"
export const DEFAULT_KLARNA_PROVIDER_ID = `pp_${KLARNA_IDENTIFIER}_klarna`

/** One Klarna provider of the Payment module, as configured in medusa-config.ts. */
export interface KlarnaProviderConfig {
  providerId: string
  /** Parsed exactly as the provider parses them: same defaults, same validation. */
  options: KlarnaProviderOptions
}

export interface KlarnaProviderContext extends KlarnaProviderConfig {
  client: KlarnaClient
}

type ProviderEntry = { resolve?: unknown; id?: unknown; options?: unknown }
type ConfigModuleLike = { modules?: unknown }

/**
 * The Klarna provider entries of the Payment module's `providers` option, with
 * the id Medusa registers each under. The rule is the payment module's own
 * (`@medusajs/payment` loaders/providers): `pp_${identifier}` plus `_${id}`
 * when the entry has an id. An entry is Klarna's when it resolves to this
 * plugin's provider: `medusa-klarna/providers/klarna`, the source path
 * `./src/providers/klarna` (or another path ending in `providers/klarna`), or
 * the imported module whose services include the `klarna` identifier.
 */
export function klarnaProviderEntries(configModule: ConfigModuleLike | undefined): { providerId: string; rawOptions: unknown }[] {
  const providers = (paymentModuleConfig(configModule)?.options as { providers?: unknown } | undefined)?.providers
  if (!Array.isArray(providers)) {
    return []
  }
  return (providers as ProviderEntry[])
    .filter((p) => p && isKlarnaResolve(p.resolve))
    .map((p) => ({
      providerId: `pp_${KLARNA_IDENTIFIER}${p.id ? `_${String(p.id)}` : ""}`,
      rawOptions: p.options,
    }))
}

/**
 * The options of a configured Klarna provider: `providerId` when given, else
 * `pp_klarna_klarna`, else the only (first) Klarna provider configured.
 * Throws a MedusaError when there is none.
 */
export function klarnaProviderOptionsFor(configModule: ConfigModuleLike | undefined, providerId?: string): KlarnaProviderConfig {
  const entries = klarnaProviderEntries(configModule)
  const entry = providerId
    ? entries.find((e) => e.providerId === providerId)
    : entries.find((e) => e.providerId === DEFAULT_KLARNA_PROVIDER_ID) ?? entries[0]
  if (!entry) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `The Klarna payment provider ${providerId ?? DEFAULT_KLARNA_PROVIDER_ID} is not registered. ` +
        `Add it to the Payment module's providers in medusa-config.ts (resolve "medusa-klarna/providers/klarna", id "klarna").`
    )
  }
  return { providerId: entry.providerId, options: parseKlarnaProviderOptions(entry.rawOptions) }
}

/**
 * One client per app and provider id. Keyed by the config module object, which
 * is the same for the app's container and every request or workflow scope made
 * from it (a key on the scope itself would build a client per request).
 */
const contexts = new WeakMap<object, Map<string, KlarnaProviderContext>>()

/**
 * The options and a Klarna client of a configured Klarna provider, built from
 * the Payment module's configuration with the provider's own parser and client
 * factory: the same credentials, region, base URL, timeouts and retries as the
 * provider's payments. Nothing is read from the payment module's internals.
 */
export function klarnaProviderContextFor(container: MedusaContainer, providerId?: string): KlarnaProviderContext {
  const configModule = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE, { allowUnregistered: true }) as
    | ConfigModuleLike
    | undefined
  if (!configModule || typeof configModule !== "object") {
    return build(container, klarnaProviderOptionsFor(undefined, providerId)) // throws: nothing is configured
  }
  let perApp = contexts.get(configModule)
  if (!perApp) {
    perApp = new Map()
    contexts.set(configModule, perApp)
  }
  const requested = providerId ?? ""
  let context = perApp.get(requested)
  if (!context) {
    const config = klarnaProviderOptionsFor(configModule, providerId)
    context = perApp.get(config.providerId) ?? build(container, config)
    perApp.set(config.providerId, context)
    perApp.set(requested, context)
  }
  return context
}

function build(container: MedusaContainer, config: KlarnaProviderConfig): KlarnaProviderContext {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER, { allowUnregistered: true }) as KlarnaLogger | undefined
  return { ...config, client: createKlarnaClientForOptions(config.options, logger) }
}

/**
 * The Klarna client of a configured Klarna provider (default `pp_klarna_klarna`),
 * so the order-management workflows use the same settings as payments.
 */
export function klarnaClientFor(container: MedusaContainer, providerId?: string): KlarnaClient {
  return klarnaProviderContextFor(container, providerId).client
}

function paymentModuleConfig(configModule: ConfigModuleLike | undefined): { options?: unknown } | undefined {
  const modules = configModule?.modules
  if (Array.isArray(modules)) {
    // An un-normalized config (defineConfig turns the array into an object keyed by module name).
    return modules.find(
      (m) => m?.key === Modules.PAYMENT || m?.resolve === "@medusajs/medusa/payment" || m?.resolve === "@medusajs/payment"
    )
  }
  const entry = (modules as Record<string, unknown> | undefined)?.[Modules.PAYMENT]
  return entry && typeof entry === "object" ? (entry as { options?: unknown }) : undefined
}

function isKlarnaResolve(resolve: unknown): boolean {
  if (typeof resolve === "string") {
    const path = resolve.replace(/\\/g, "/").replace(/\/+$/, "").replace(/\/index(\.[cm]?[jt]s)?$/, "")
    return /(^|\/)providers\/klarna$/.test(path)
  }
  if (resolve && typeof resolve === "object") {
    const mod = (resolve as { default?: { services?: unknown } }).default ?? (resolve as { services?: unknown })
    const services = (mod as { services?: unknown }).services
    return Array.isArray(services) && services.some((s) => (s as { identifier?: unknown })?.identifier === KLARNA_IDENTIFIER)
  }
  return false
}
