import type { KlarnaSettings } from "../../modules/klarna-order-management/types/settings"

/** The order as the merchant-references rule sees it. */
export type MerchantReferencesOrder = {
  id: string
  display_id: number | string | null | undefined
  /** Set on orders imported from another shop system ("woocommerce"). */
  imported_from?: string | null
  /** WooCommerce's order number, as the shop wrote it (imported orders). */
  woocommerce_number?: string | null
}

export type MerchantReferences = { merchant_reference1?: string; merchant_reference2?: string }

/** What Klarna's order is known to hold already (written by the plugin before); unknown fields are sent. */
export type KnownMerchantReferences = { merchant_reference1?: string | null; merchant_reference2?: string | null } | null | undefined

export type MerchantReferencesPlan = { body: MerchantReferences; reason?: undefined } | { body: null; reason: string }

/**
 * What to send to Klarna's merchant-references endpoint for an order: Medusa's
 * display id as merchant_reference1 and, per the setting, the order id as
 * merchant_reference2 (only present fields are overwritten, so "none" leaves
 * Klarna's as it is). An imported WooCommerce order keeps the references
 * WooCommerce gave it at checkout unless the merchant chose Medusa's number
 * for imported orders. Nothing is sent when Klarna is known to hold the values.
 */
export function merchantReferencesFor(
  order: MerchantReferencesOrder,
  settings: Pick<KlarnaSettings, "merchant_reference2" | "imported_reference1">,
  known?: KnownMerchantReferences
): MerchantReferencesPlan {
  if (order.imported_from === "woocommerce" && settings.imported_reference1 === "woocommerce") {
    const number = order.woocommerce_number ? ` (${order.woocommerce_number})` : ""
    return { body: null, reason: `Imported from WooCommerce: Klarna keeps WooCommerce's order number${number} as the merchant reference.` }
  }
  const displayId = order.display_id == null || order.display_id === "" ? null : String(order.display_id)
  if (!displayId) {
    return { body: null, reason: "The order has no order number yet; no merchant reference was set in Klarna." }
  }
  const wanted: MerchantReferences = { merchant_reference1: displayId }
  if (settings.merchant_reference2 === "order_id") {
    wanted.merchant_reference2 = order.id
  }
  const body = Object.fromEntries(
    Object.entries(wanted).filter(([field, value]) => known?.[field as keyof MerchantReferences] !== value)
  ) as MerchantReferences
  if (!Object.keys(body).length) {
    return { body: null, reason: "Klarna already has the order's merchant references." }
  }
  return { body }
}
