/**
 * WooCommerce `payment_method` ids written by the Klarna plugins.
 *
 * - `kco`: Klarna Checkout for WooCommerce, now "Kustom Checkout".
 * - `klarna_payments`: Klarna Payments for WooCommerce (invoice, part payment, …).
 * - `klarna_checkout`, `klarna_invoice`, `klarna_part_payment`: the legacy
 *   woocommerce-gateway-klarna 2.x (XML-RPC / KCO v2). Their orders are
 *   imported as READ-ONLY history: no order-management call may be made for them
 *   (KOM itself only acts on `kco` and `klarna_payments`).
 *
 * The REST API has no `payment_method` filter (WordPress silently ignores the
 * parameter and returns every order), so filtering is done here, client side.
 */
export const KLARNA_PAYMENT_METHOD_IDS = [
  "kco",
  "klarna_payments",
  "klarna_checkout",
  "klarna_invoice",
  "klarna_part_payment",
] as const

export type KlarnaWooPaymentMethodId = (typeof KLARNA_PAYMENT_METHOD_IDS)[number]

export interface KlarnaWooPaymentMethodInfo {
  /** true = legacy gateway: import as read-only history, never call Klarna order management. */
  legacy: boolean
  plugin: string
  /** Where the method's orders are managed now: Klarna Checkout moved to Kustom. */
  managed_by: "klarna" | "kustom"
}

export const KLARNA_WOO_PAYMENT_METHODS: Readonly<Record<KlarnaWooPaymentMethodId, KlarnaWooPaymentMethodInfo>> = Object.freeze({
  kco: { legacy: false, plugin: "Klarna Checkout for WooCommerce (Kustom Checkout)", managed_by: "kustom" },
  klarna_payments: { legacy: false, plugin: "Klarna Payments for WooCommerce", managed_by: "klarna" },
  klarna_checkout: { legacy: true, plugin: "WooCommerce Klarna Gateway 2.x (Klarna Checkout)", managed_by: "kustom" },
  klarna_invoice: { legacy: true, plugin: "WooCommerce Klarna Gateway 2.x (Invoice)", managed_by: "klarna" },
  klarna_part_payment: { legacy: true, plugin: "WooCommerce Klarna Gateway 2.x (Part Payment)", managed_by: "klarna" },
})

/** Payment method id → true when it is one of the Klarna ids (exact match, ids are case-sensitive in WooCommerce). */
export function isKlarnaPaymentMethodId(id: unknown): id is KlarnaWooPaymentMethodId {
  return typeof id === "string" && Object.prototype.hasOwnProperty.call(KLARNA_WOO_PAYMENT_METHODS, id)
}

export function isLegacyKlarnaPaymentMethod(id: unknown): boolean {
  return isKlarnaPaymentMethodId(id) && KLARNA_WOO_PAYMENT_METHODS[id].legacy
}

/** true when the order was paid with one of the Klarna plugins (current or legacy). */
export function isKlarnaOrder(order: { payment_method?: string | null } | null | undefined): boolean {
  return !!order && isKlarnaPaymentMethodId(order.payment_method)
}
