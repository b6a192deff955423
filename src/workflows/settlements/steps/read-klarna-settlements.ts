import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Logger } from "@medusajs/framework/types"
import { collectAll } from "../../../klarna/client/settlements-paging"
import type { KlarnaSettlementTransaction } from "../../../klarna/client/settlements-schemas"
import { brandOfProviderId } from "../../../klarna/provider-ids"
import { klarnaClientFor, registeredKlarnaProviderIds } from "../../../providers/klarna/provider-client"
import { KLARNA_SETTLEMENTS_MODULE, type KlarnaSettlementsService } from "../../../modules/klarna-settlements"
import type { ConnectionSettlements, SyncKlarnaSettlementsInput } from "../types"

/**
 * Reads every registered connection's payouts (from the given date, else from its latest stored
 * payout, which is read again) and each payout's transactions, page by page. A connection that
 * cannot be read is reported with its error; the others are still synced.
 */
export const readKlarnaSettlementsStep = createStep(
  "read-klarna-settlements",
  async (input: Pick<SyncKlarnaSettlementsInput, "from" | "to">, { container }) => {
    const settlements = container.resolve<KlarnaSettlementsService>(KLARNA_SETTLEMENTS_MODULE)
    const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    const size = settlements.options.page_size
    const out: ConnectionSettlements[] = []
    for (const connection of registeredKlarnaProviderIds(container)) {
      const brand = brandOfProviderId(connection) ?? "klarna"
      try {
        const from = input.from ?? (await latestPayoutDate(settlements, connection))
        const client = klarnaClientFor(container, connection)
        const payouts = await collectAll(client.allPayouts({ start_date: from, end_date: input.to, size }))
        const transactions: KlarnaSettlementTransaction[] = []
        for (const payout of payouts) {
          transactions.push(...(await collectAll(client.allTransactions({ payment_reference: payout.payment_reference, size }))))
        }
        out.push({ connection, brand, payouts, transactions })
      } catch (e) {
        const message = (e as Error).message
        logger.warn(`Klarna settlements: could not read the payouts of ${connection}: ${message}`)
        out.push({ connection, brand, payouts: [], transactions: [], error: message })
      }
    }
    return new StepResponse(out)
  }
)

async function latestPayoutDate(settlements: KlarnaSettlementsService, connection: string): Promise<string | undefined> {
  const [latest] = await settlements.listKlarnaPayouts({ connection }, { order: { payout_date: "DESC" }, take: 1, select: ["payout_date"] })
  return latest ? new Date(latest.payout_date).toISOString() : undefined
}
