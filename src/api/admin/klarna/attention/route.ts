import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../../../modules/klarna-order-management"
import { describeAttention } from "../../../../workflows/queries/attention-items"
import { adminKlarnaEvent } from "../admin-response"

/**
 * Klarna actions that need the merchant, until retried successfully or
 * dismissed: failed for good, given up after retries, fraud rejections, and
 * retries still pending.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as { limit: number; offset: number }
  const om = req.scope.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const [events, count] = await om.listAttention({}, { take: limit, skip: offset })
  res.json({ events: (await describeAttention(req.scope, events)).map(adminKlarnaEvent), count, limit, offset })
}
