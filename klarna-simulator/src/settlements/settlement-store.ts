import type { SimPayout, SimSettlementTransaction } from "./models"

/** Payouts made so far, their transactions, and which captures/refunds they paid out. */
export class SettlementStore {
  readonly payouts: SimPayout[] = []
  readonly transactions: SimSettlementTransaction[] = []
  /** Capture and refund ids already in a payout: never paid out twice. */
  readonly settled = new Set<string>()

  reset(): void {
    this.payouts.length = 0
    this.transactions.length = 0
    this.settled.clear()
  }
}
