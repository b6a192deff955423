import type { KlarnaPayout, KlarnaSettlementTransaction } from "../../klarna/client/settlements-schemas"
import type { ProviderBrand } from "../../klarna/types/options"

export interface SyncKlarnaSettlementsInput {
  /** Read payouts dated from (ISO 8601); default: the connection's latest stored payout, else all. */
  from?: string
  /** Read payouts dated up to (ISO 8601). */
  to?: string
  /** Measure "overdue" against this moment (default now). */
  now?: string
  /** Default: the module's `overdue_after_days` (14). */
  overdue_after_days?: number
}

/** What one connection's Settlements API answered (or why it could not be read). */
export interface ConnectionSettlements {
  connection: string
  brand: ProviderBrand
  payouts: KlarnaPayout[]
  transactions: KlarnaSettlementTransaction[]
  error?: string
}
