/**
 * Which company's API a request or an order belongs to: Klarna (Payments v1 + Order Management)
 * at the root, or Kustom (Checkout v3 + Order Management) under KUSTOM_PREFIX.
 */
export type Realm = "klarna" | "kustom"

export const KUSTOM_PREFIX = "/kustom"
