import { MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { compareTransactions } from "../../../../../../klarna/settlements"
import { KLARNA_SETTLEMENTS_MODULE, type KlarnaSettlementsService } from "../../../../../../modules/klarna-settlements"

/** A stored payout with its transactions in the reconciliation's order, or a 404. */
export async function loadPayoutWithTransactions(container: MedusaContainer, id: string) {
  const service = container.resolve<KlarnaSettlementsService>(KLARNA_SETTLEMENTS_MODULE)
  const [payout] = await service.listKlarnaPayouts({ id })
  if (!payout) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Klarna payout ${id} was not found. Sync the settlements first.`)
  }
  const rows = await service.listKlarnaSettlementTransactions({ payout_id: payout.id })
  rows.sort((a, b) => compareTransactions(a.raw as any, b.raw as any) || (a.transaction_key < b.transaction_key ? -1 : 1))
  return { payout, transactions: rows }
}
