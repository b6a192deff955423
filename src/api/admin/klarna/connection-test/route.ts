import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { klarnaClientFor } from "../../../../lib/order-management/klarna-provider-client"

const PROBE_ORDER_ID = "00000000-0000-0000-0000-000000000000"

/**
 * Checks that Klarna answers with the configured credentials: reads an order
 * that cannot exist. "Not found" means Klarna accepted the credentials.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  let client
  try {
    client = klarnaClientFor(req.scope)
  } catch (e) {
    return res.json({ ok: false, message: (e as Error).message })
  }
  try {
    await client.getOrder(PROBE_ORDER_ID)
    res.json({ ok: true, message: `Klarna answered at ${client.baseUrl}.` })
  } catch (e) {
    const err = e as { status?: number; message: string; correlationId?: string }
    if (err.status === 404) {
      return res.json({ ok: true, message: `Connected: Klarna accepted the credentials at ${client.baseUrl}.`, correlation_id: err.correlationId })
    }
    res.json({ ok: false, message: err.message, status: err.status ?? null, correlation_id: err.correlationId ?? null })
  }
}
