import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../../../modules/klarna-order-management"
import type { MedusaContainer } from "@medusajs/framework/types"
import { klarnaProviderConfigs, klarnaProviderContextFor, type KlarnaProviderConfig } from "../../../../providers/klarna/provider-client"
import { describeKlarnaBaseUrl } from "../../../../klarna/client"
import { updateKlarnaSettingsWorkflow } from "../../../../workflows/update-klarna-settings"
import type { AdminUpdateKlarnaSettingsType } from "../validators"

const BRANDS = ["klarna", "kustom"] as const

/** What one connection talks to; never its credentials. */
function describe(container: MedusaContainer, config: KlarnaProviderConfig | undefined, brand: (typeof BRANDS)[number]) {
  if (!config) {
    return { brand, provider_id: null, provider_registered: false, base_url: null, simulator: false, region: null, environment: null, credentials_configured: false }
  }
  const { options } = config
  const base_url = klarnaProviderContextFor(container, config.providerId).client.baseUrl
  const official = describeKlarnaBaseUrl(base_url)
  return {
    brand,
    provider_id: config.providerId,
    provider_registered: true,
    base_url,
    simulator: !official,
    region: official?.region ?? null,
    environment: official?.environment ?? null,
    credentials_configured: !!(options.apiKey || (options.username && options.password)),
  }
}

/** Klarna's connection (Klarna Payments) and Kustom's (Klarna Checkout), one each. */
function connections(req: AuthenticatedMedusaRequest) {
  const configs = klarnaProviderConfigs(req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE, { allowUnregistered: true }) as any)
  const first = (brand: (typeof BRANDS)[number]) =>
    configs.find((c) => c.brand === brand && c.providerId === `pp_${brand}_${brand}`) ?? configs.find((c) => c.brand === brand)
  const all = BRANDS.map((brand) => describe(req.scope, first(brand), brand))
  return { connection: all[0], connections: all }
}

/** The live order-management settings and the Klarna and Kustom connections (never the secrets). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const om = req.scope.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  res.json({ settings: await om.getSettings(), ...connections(req) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateKlarnaSettingsType>, res: MedusaResponse) => {
  const { result } = await updateKlarnaSettingsWorkflow(req.scope).run({
    input: { patch: req.validatedBody, updated_by: req.auth_context?.actor_id },
  })
  res.json({ settings: result, ...connections(req) })
}
