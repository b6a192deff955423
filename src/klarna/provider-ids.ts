import type { ProviderBrand } from "./types/options"

/** Medusa registers a provider as `pp_<identifier>_<id>`; these are the plugin's defaults. */
export const DEFAULT_KLARNA_PROVIDER_ID = "pp_klarna_klarna"
export const DEFAULT_KUSTOM_PROVIDER_ID = "pp_kustom_kustom"

/** Whose orders a payment provider manages: Klarna's, Kustom's (Klarna Checkout), or neither. */
export function brandOfProviderId(providerId: unknown): ProviderBrand | null {
  if (typeof providerId !== "string") return null
  if (providerId === "pp_klarna" || providerId.startsWith("pp_klarna_")) return "klarna"
  if (providerId === "pp_kustom" || providerId.startsWith("pp_kustom_")) return "kustom"
  return null
}

/** A payment whose order this plugin manages (Klarna Payments or Klarna Checkout at Kustom). */
export const isManagedProviderId = (providerId: unknown): providerId is string => brandOfProviderId(providerId) !== null

/** A Klarna Payments payment: sessions, authorization tokens and callbacks are Klarna Payments' own. */
export const isKlarnaPaymentsProviderId = (providerId: unknown): providerId is string => brandOfProviderId(providerId) === "klarna"
