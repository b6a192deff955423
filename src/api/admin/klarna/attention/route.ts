import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../../../modules/klarna-order-management"

/** Klarna actions that need the merchant: given up after retries, fraud rejections, and retries still pending. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as { limit: number; offset: number }
  const om = req.scope.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const [events, count] = await om.listAndCountKlarnaEvents(
    { outcome: ["needs_attention", "pending_retry"] },
    { order: { created_at: "DESC" }, take: limit, skip: offset }
  )
  res.json({ events, count, limit, offset })
}
