import type { TransactionMatchState } from "../../../klarna/settlements/types"

export const SETTLEMENT_MATCH_STATES = ["matched", "amount_differs", "unmatched", "attached", "unattached"] as const satisfies readonly TransactionMatchState[]

/** States that need the merchant; such rows are reconciled again on every sync until they match. */
export const OPEN_MATCH_STATES = ["amount_differs", "unmatched"] as const
