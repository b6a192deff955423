import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KLARNA_SETTLEMENTS_MODULE, type KlarnaSettlementsService } from "../../../../../modules/klarna-settlements"
import { adminKlarnaPayout } from "../admin-settlements"
import type { AdminKlarnaPayoutsQueryType } from "../validators"

/** Stored payouts, newest first, with their matched and unmatched counts. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, connection } = req.validatedQuery as AdminKlarnaPayoutsQueryType
  const service = req.scope.resolve<KlarnaSettlementsService>(KLARNA_SETTLEMENTS_MODULE)
  const [payouts, count] = await service.listAndCountKlarnaPayouts(connection ? { connection } : {}, {
    order: { payout_date: "DESC", payment_reference: "ASC" },
    take: limit,
    skip: offset,
  })
  res.json({ payouts: payouts.map(adminKlarnaPayout), count, limit, offset })
}
