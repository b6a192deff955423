import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KLARNA_SETTLEMENTS_MODULE, type KlarnaSettlementsService } from "../../../../../../modules/klarna-settlements"
import { adminKlarnaPayout, adminSettlementTransaction } from "../../../settlements/admin-settlements"

/**
 * Which payouts settled this order's captures and refunds, with Klarna's fees for the order per
 * payout (empty until a sync has read a payout with the order in it).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<KlarnaSettlementsService>(KLARNA_SETTLEMENTS_MODULE)
  const rows = await service.listKlarnaSettlementTransactions({ medusa_order_id: req.params.id }, { order: { capture_date: "ASC" } })
  const payoutIds = [...new Set(rows.map((r) => r.payout_id))]
  const payouts = payoutIds.length ? await service.listKlarnaPayouts({ id: payoutIds }, { order: { payout_date: "ASC" } }) : []
  res.json({
    order_id: req.params.id,
    payouts: payouts.map((p) => {
      const own = rows.filter((r) => r.payout_id === p.id)
      const sum = (types: string[]) => own.filter((r) => types.includes(r.type)).reduce((s, r) => s + Math.abs(r.amount), 0)
      return {
        ...adminKlarnaPayout(p),
        order_sale_amount_minor: sum(["SALE"]),
        order_return_amount_minor: sum(["RETURN"]),
        order_fee_amount_minor: sum(["FEE"]),
        transactions: own.map(adminSettlementTransaction),
      }
    }),
  })
}
