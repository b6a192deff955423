import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { settlementCsv } from "../../../../../../../klarna/settlements"
import { storedMatch, storedPayout } from "../../../admin-settlements"
import { loadPayoutWithTransactions } from "../load-payout"

/** The payout for the accountant: one CSV line per transaction, with the Medusa order number, amounts in major units. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { payout, transactions } = await loadPayoutWithTransactions(req.scope, req.params.id)
  const csv = settlementCsv(transactions.map(storedMatch), [storedPayout(payout)])
  const name = `klarna-payout-${payout.payment_reference.replace(/[^A-Za-z0-9_-]/g, "_")}.csv`
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${name}"`)
  res.status(200).send(csv)
}
