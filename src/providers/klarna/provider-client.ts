import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { KlarnaClient, KlarnaLogger } from "../../klarna/client"
import { createKlarnaClientForOptions } from "./core/options-client"
import { parseKlarnaProviderOptions, type KlarnaProviderOptions, type ProviderBrand } from "../../klarna/types/options"
import { brandOfProviderId, DEFAULT_KLARNA_PROVIDER_ID, DEFAULT_KUSTOM_PROVIDER_ID } from "../../klarna/provider-ids"

export { DEFAULT_KLARNA_PROVIDER_ID, DEFAULT_KUSTOM_PROVIDER_ID }

/** One Klarna or Kustom provider of the Payment module, as configured in medusa-config.ts. */
export interface KlarnaProviderConfig {
  providerId: string
  brand: ProviderBrand
  /** Parsed exactly as the provider parses them: same defaults, same validation. */
  options: KlarnaProviderOptions
}

export interface KlarnaProviderContext extends KlarnaProviderConfig {
  client: KlarnaClient
}

type ProviderEntry = { resolve?: unknown; id?: unknown; options?: unknown }
type ConfigModuleLike = { modules?: unknown }

/**
 * The Klarna and Kustom provider entries of the Payment module's `providers`
 * option, with the id Medusa registers each under. The rule is the payment
 * module's own (`@medusajs/payment` loaders/providers): `pp_${identifier}` plus
 * `_${id}` when the entry has an id. An entry is this plugin's when it resolves
 * to one of its providers: `medusa-klarna/providers/klarna` (or `/kustom`), the
 * source path `./src/providers/klarna` (or another path ending in
 * `providers/klarna` or `providers/kustom`), or the imported module whose
 * services include the `klarna` or `kustom` identifier.
 */
export function klarnaProviderEntries(
  configModule: ConfigModuleLike | undefined
): { providerId: string; brand: ProviderBrand; rawOptions: unknown }[] {
  const providers = (paymentModuleConfig(configModule)?.options as { providers?: unknown } | undefined)?.providers
  if (!Array.isArray(providers)) {
    return []
  }
  return (providers as ProviderEntry[]).flatMap((p) => {
    const brand = p ? brandOfResolve(p.resolve) : null
    return brand ? [{ providerId: `pp_${brand}${p.id ? `_${String(p.id)}` : ""}`, brand, rawOptions: p.options }] : []
  })
}

/**
 * The options of a configured provider: `providerId` when given, else the
 * default of the brand (`pp_klarna_klarna`, `pp_kustom_kustom`), else the only
 * (first) provider of that brand. Throws a MedusaError when there is none.
 */
export function klarnaProviderOptionsFor(configModule: ConfigModuleLike | undefined, providerId?: string): KlarnaProviderConfig {
  const brand = providerId ? brandOfProviderId(providerId) ?? "klarna" : "klarna"
  const entries = klarnaProviderEntries(configModule).filter((e) => e.brand === brand)
  const fallbackId = brand === "kustom" ? DEFAULT_KUSTOM_PROVIDER_ID : DEFAULT_KLARNA_PROVIDER_ID
  const entry = providerId
    ? entries.find((e) => e.providerId === providerId)
    : entries.find((e) => e.providerId === fallbackId) ?? entries[0]
  if (!entry) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, notRegisteredMessage(brand, providerId ?? fallbackId))
  }
  return { providerId: entry.providerId, brand, options: parseKlarnaProviderOptions(entry.rawOptions, brand) }
}

function notRegisteredMessage(brand: ProviderBrand, providerId: string): string {
  return brand === "kustom"
    ? `The Kustom payment provider ${providerId} is not registered, so Klarna Checkout orders (run by Kustom) cannot be managed. ` +
        `Add it to the Payment module's providers in medusa-config.ts (resolve "medusa-klarna/providers/kustom", id "kustom") with Kustom's credentials.`
    : `The Klarna payment provider ${providerId} is not registered. ` +
        `Add it to the Payment module's providers in medusa-config.ts (resolve "medusa-klarna/providers/klarna", id "klarna").`
}

/**
 * Every configured Klarna and Kustom provider, parsed; an entry whose options
 * do not parse is left out (the Payment module refuses to boot with it).
 */
export function klarnaProviderConfigs(configModule: ConfigModuleLike | undefined): KlarnaProviderConfig[] {
  return klarnaProviderEntries(configModule).flatMap((entry) => {
    try {
      return [{ providerId: entry.providerId, brand: entry.brand, options: parseKlarnaProviderOptions(entry.rawOptions, entry.brand) }]
    } catch {
      return []
    }
  })
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
  return { ...config, client: createKlarnaClientForOptions(config.options, logger, config.brand) }
}

/**
 * The client of a configured provider: Klarna's for a `pp_klarna_*` payment,
 * Kustom's for a `pp_kustom_*` one (default `pp_klarna_klarna`), so every
 * order-management call for an order goes where that order lives, with the
 * settings its payments use.
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

function brandOfResolve(resolve: unknown): ProviderBrand | null {
  if (typeof resolve === "string") {
    const path = resolve.replace(/\\/g, "/").replace(/\/+$/, "").replace(/\/index(\.[cm]?[jt]s)?$/, "")
    const match = /(^|\/)providers\/(klarna|kustom)$/.exec(path)
    return match ? (match[2] as ProviderBrand) : null
  }
  if (resolve && typeof resolve === "object") {
    const mod = (resolve as { default?: { services?: unknown } }).default ?? (resolve as { services?: unknown })
    const services = (mod as { services?: unknown }).services
    const identifiers = Array.isArray(services) ? services.map((s) => (s as { identifier?: unknown })?.identifier) : []
    return identifiers.includes("kustom") ? "kustom" : identifiers.includes("klarna") ? "klarna" : null
  }
  return null
}

/** The ids of the Klarna and Kustom providers this app registers, e.g. `["pp_klarna_klarna", "pp_kustom_kustom"]`. */
export function registeredKlarnaProviderIds(container: MedusaContainer): string[] {
  const configModule = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE, { allowUnregistered: true }) as ConfigModuleLike | undefined
  return klarnaProviderEntries(configModule).map((entry) => entry.providerId)
}
