import type { ImportedOrderDraft } from "./map-order/woo-draft-types"
import { isKlarnaPaymentMethodId, KLARNA_WOO_PAYMENT_METHODS } from "./klarna-payment-methods"

/**
 * What an imported order keeps of its Klarna payment when Medusa will not
 * manage it in Klarna (a legacy gateway, order management switched off in
 * WooCommerce, no Klarna order id found): read-only history in the order's
 * metadata, since the system payment provider keeps no payment data.
 */
export interface KlarnaHistory {
  /** WooCommerce gateway id, e.g. `klarna_invoice`. */
  gateway: string
  /** The plugin that took the payment. */
  plugin: string | null
  /** The gateway's title on the order, e.g. "Klarna Faktura". */
  title: string | null
  payment_method: string
  klarna_order_id: string | null
  reservation_number: string | null
  invoice_number: string | null
  environment: string | null
  /** Why Medusa does not manage it in Klarna. */
  reason: "legacy_gateway" | "order_management_disconnected" | "no_klarna_order_id"
}

/** Whether the imported payment is managed in Klarna from Medusa (its Klarna order id is known and live-capable). */
export function managedInKlarna(draft: ImportedOrderDraft): boolean {
  return !!draft.klarna.klarna_order_id && !draft.klarna.legacy && !draft.klarna.om_disconnected
}

/** The order's Klarna history, or null for an order Medusa manages in Klarna or one not paid with Klarna. */
export function klarnaHistory(draft: ImportedOrderDraft): KlarnaHistory | null {
  const gateway = draft.klarna.woo_payment_method
  if (!isKlarnaPaymentMethodId(gateway) || managedInKlarna(draft)) {
    return null
  }
  const k = draft.klarna
  return {
    gateway,
    plugin: KLARNA_WOO_PAYMENT_METHODS[gateway].plugin,
    title: draft.payment_method_title,
    payment_method: k.payment_method,
    klarna_order_id: k.klarna_order_id ?? null,
    reservation_number: k.legacy_reference?.reservation ?? null,
    invoice_number: k.legacy_reference?.invoice_number ?? null,
    environment: k.environment ?? null,
    reason: k.legacy ? "legacy_gateway" : k.om_disconnected ? "order_management_disconnected" : "no_klarna_order_id",
  }
}
