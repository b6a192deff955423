import { MedusaService } from "@medusajs/framework/utils"
import type { InferTypeOf } from "@medusajs/framework/types"
import { KlarnaPayout } from "./models/klarna-payout"
import { KlarnaSettlementTransaction } from "./models/klarna-settlement-transaction"
import { KlarnaSettlementsOptionsSchema, type KlarnaSettlementsOptions } from "./types/options"

export type KlarnaPayoutRow = InferTypeOf<typeof KlarnaPayout>
export type KlarnaSettlementTransactionRow = InferTypeOf<typeof KlarnaSettlementTransaction>

/** Klarna's payouts and their transactions, matched to Medusa's orders (data only). */
export class KlarnaSettlementsService extends MedusaService({ KlarnaPayout, KlarnaSettlementTransaction }) {
  readonly options: KlarnaSettlementsOptions

  constructor(container: Record<string, unknown>, options: Record<string, unknown> = {}) {
    super(...arguments)
    // Registered by the plugin, the module gets the plugin's options: its own are under `settlements`.
    const own = options?.settlements && typeof options.settlements === "object" ? (options.settlements as Record<string, unknown>) : options ?? {}
    const parsed = KlarnaSettlementsOptionsSchema.safeParse(own)
    if (!parsed.success) {
      throw new Error(
        `Invalid medusa-klarna settlements options: ${parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`).join("; ")}`
      )
    }
    this.options = parsed.data
  }
}

export default KlarnaSettlementsService
