/** Klarna answered that it has no such order. */
export function isNoSuchKlarnaOrder(error: unknown): boolean {
  const e = error as { errorCode?: unknown; error_code?: unknown } | undefined
  return e?.errorCode === "NO_SUCH_ORDER" || e?.error_code === "NO_SUCH_ORDER"
}

export type ImportedOrderFacts = { payment_method?: string | null; environment?: string | null; region?: string | null }

/**
 * Klarna's "no such order" for an order imported from WooCommerce, with what
 * usually causes it: the order exists, but where Medusa is not looking.
 */
export function explainMissingImportedOrder(message: string, facts: ImportedOrderFacts = {}): string {
  const placed = [facts.environment, facts.region?.toUpperCase()].filter(Boolean).join(", ")
  const causes = [
    `Medusa is connected to Klarna with other credentials, environment (playground or live) or region than the WooCommerce shop${placed ? ` (the order was placed in ${placed})` : ""}`,
    "it is a Klarna Checkout order, which now lives at Kustom and is managed with Kustom's credentials",
  ]
  const trimmed = message.trim().replace(/\.?$/, ".")
  return `${trimmed} This order was imported from WooCommerce; likely causes: ${causes.join("; or ")}.`
}
