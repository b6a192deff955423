/**
 * Klarna's `fraud_status` (ACCEPTED, PENDING, REJECTED, STOPPED), read
 * case-insensitively. A missing status counts as ACCEPTED: Klarna leaves it
 * out for orders without a fraud decision.
 */

/** The fraud status upper-cased, ACCEPTED when missing. */
export function normalizeFraudStatus(fraudStatus?: string | null): string {
  return (fraudStatus ?? "ACCEPTED").toUpperCase()
}

/** Klarna decided against the order (REJECTED, or STOPPED after acceptance): do not ship or capture. */
export function isFraudRejected(fraudStatus?: string | null): boolean {
  const fraud = normalizeFraudStatus(fraudStatus)
  return fraud === "REJECTED" || fraud === "STOPPED"
}

/** Klarna is still reviewing the order (PENDING). */
export function isFraudPending(fraudStatus?: string | null): boolean {
  return normalizeFraudStatus(fraudStatus) === "PENDING"
}
