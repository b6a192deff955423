import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../../../modules/klarna-order-management"
import { klarnaClientFor } from "../../../../providers/klarna/provider-client"
import { describeKlarnaBaseUrl } from "../../../../klarna/client"
import { updateKlarnaSettingsWorkflow } from "../../../../workflows/update-klarna-settings"
import type { AdminUpdateKlarnaSettingsType } from "../validators"

function connection(req: AuthenticatedMedusaRequest) {
  try {
    const client = klarnaClientFor(req.scope)
    const official = describeKlarnaBaseUrl(client.baseUrl)
    return {
      provider_registered: true,
      base_url: client.baseUrl,
      simulator: !official,
      region: official?.region ?? null,
      environment: official?.environment ?? null,
      credentials_configured: true,
    }
  } catch {
    return { provider_registered: false, base_url: null, simulator: false, region: null, environment: null, credentials_configured: false }
  }
}

/** The live order-management settings and the Klarna connection (never the secrets). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const om = req.scope.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  res.json({ settings: await om.getSettings(), connection: connection(req) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateKlarnaSettingsType>, res: MedusaResponse) => {
  const { result } = await updateKlarnaSettingsWorkflow(req.scope).run({
    input: { patch: req.validatedBody, updated_by: req.auth_context?.actor_id },
  })
  res.json({ settings: result, connection: connection(req) })
}
