import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { adminKlarnaPayout, adminSettlementTransaction } from "../../admin-settlements"
import { loadPayoutWithTransactions } from "./load-payout"

/** One payout with every transaction and the Medusa order (id and display id) it was matched to. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { payout, transactions } = await loadPayoutWithTransactions(req.scope, req.params.id)
  res.json({ payout: { ...adminKlarnaPayout(payout), transactions: transactions.map(adminSettlementTransaction) } })
}
