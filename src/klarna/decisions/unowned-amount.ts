/** One Medusa capture or refund row, in minor units, with what it adopted from Klarna. */
export interface MedusaLedgerRow {
  id: string
  amount: number
  /** Minor units this row took over from Klarna captures/refunds made outside Medusa. */
  adopted: number
}

export interface KlarnaLedgerItem {
  id: string
  amount: number
  reference?: string | null
}

/**
 * How much of Klarna's captured (or refunded) total no Medusa row accounts for:
 * money moved in Klarna's portal, or by a Medusa operation whose row is gone
 * (its request failed after Klarna had acted). A Klarna item whose reference is
 * an existing Medusa row belongs to that row and is never up for adoption, and
 * what other rows already adopted is taken off, so two Medusa operations can
 * never both claim the same Klarna money.
 */
export function unownedKlarnaAmount(input: {
  klarnaTotal: number
  klarnaItems: KlarnaLedgerItem[]
  rows: MedusaLedgerRow[]
  currentId?: string
}): { amount: number; latest?: KlarnaLedgerItem } {
  const others = input.rows.filter((r) => r.id !== input.currentId)
  const rowIds = new Set(input.rows.map((r) => r.id))
  const referenced = input.klarnaItems.filter((k) => k.reference && rowIds.has(k.reference))
  const candidates = input.klarnaItems.filter((k) => !(k.reference && rowIds.has(k.reference)))
  const taken =
    referenced.reduce((s, k) => s + k.amount, 0) + others.reduce((s, r) => s + r.adopted, 0)
  return { amount: Math.max(0, input.klarnaTotal - taken), latest: candidates[candidates.length - 1] }
}
