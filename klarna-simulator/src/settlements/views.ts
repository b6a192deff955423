/** API views: the stored payout/transaction without the simulator's realm, plus links. */
import type { SimPayout, SimSettlementTransaction } from "./models"

export function payoutView(p: SimPayout, apiBase: string) {
  const { realm: _realm, ...rest } = p
  return { ...rest, transactions: `${apiBase}/transactions?payment_reference=${encodeURIComponent(p.payment_reference)}` }
}

export function transactionView(t: SimSettlementTransaction, apiBase: string) {
  const { realm: _realm, ...rest } = t
  return { ...rest, payout: `${apiBase}/payouts/${encodeURIComponent(t.payment_reference)}` }
}
