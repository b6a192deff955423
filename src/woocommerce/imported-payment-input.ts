import type { ImportedOrderDraft } from "./map-order/woo-draft-types"
import { fromMinorUnitsToString } from "../klarna/utils/currency"
import { managedInKlarna } from "./klarna-history"
import { isKlarnaPaymentMethodId, KLARNA_WOO_PAYMENT_METHODS } from "./klarna-payment-methods"
import { DEFAULT_KLARNA_PROVIDER_ID, DEFAULT_KUSTOM_PROVIDER_ID } from "../klarna/provider-ids"

/**
 * The provider an imported order's Klarna payment is managed through: Kustom's
 * for Klarna Checkout (`kco`) orders, which live at Kustom now; Klarna's for
 * Klarna Payments orders.
 */
export function importedKlarnaProviderId(draft: ImportedOrderDraft): string {
  const gateway = draft.klarna.woo_payment_method
  const kustom = isKlarnaPaymentMethodId(gateway) && KLARNA_WOO_PAYMENT_METHODS[gateway].managed_by === "kustom"
  return kustom ? DEFAULT_KUSTOM_PROVIDER_ID : DEFAULT_KLARNA_PROVIDER_ID
}

/**
 * Why an order managed in Klarna cannot be imported with the providers this
 * app has (null when it can): a Klarna Checkout order needs the Kustom
 * provider, or nothing could capture, refund or cancel it afterwards.
 */
export function importedConnectionProblem(draft: ImportedOrderDraft, registeredProviderIds: readonly string[]): string | null {
  if (!managedInKlarna(draft)) return null
  const providerId = importedKlarnaProviderId(draft)
  if (registeredProviderIds.includes(providerId)) return null
  return providerId === DEFAULT_KUSTOM_PROVIDER_ID
    ? "This order was paid with Klarna Checkout, which Kustom runs now: register the Kustom provider (KUSTOM_USERNAME and KUSTOM_PASSWORD, or KUSTOM_API_KEY) and import it again."
    : `This order is managed in Klarna, but the Klarna provider ${providerId} is not registered.`
}

/**
 * The payment session an imported order's payment is authorized from: a
 * Klarna payment naming the same Klarna order (managed in Klarna from Medusa
 * afterwards), started in the provider's import replay; or the system
 * provider for other payment methods and Klarna's legacy gateways.
 */
export function importedPaymentInput(draft: ImportedOrderDraft) {
  const managed_in_klarna = managedInKlarna(draft)
  const data: Record<string, unknown> = managed_in_klarna
    ? {
        klarna_order_id: draft.klarna.klarna_order_id,
        payment_method: draft.klarna.payment_method,
        environment: draft.klarna.environment,
        region: draft.klarna.region,
        currency_code: draft.currency_code,
        import_replay: true,
        import_capture_ids: draft.klarna.capture_id ? [draft.klarna.capture_id] : [],
        imported_from: "woocommerce",
        captures: [],
        refunds: [],
      }
    : { imported_from: "woocommerce", woocommerce_payment_method: draft.klarna.woo_payment_method, klarna_order_id_history: draft.klarna.klarna_order_id }
  return {
    provider_id: managed_in_klarna ? importedKlarnaProviderId(draft) : "pp_system_default",
    amount: fromMinorUnitsToString(draft.totals.total, draft.currency_code),
    currency_code: draft.currency_code,
    data,
    managed_in_klarna,
  }
}
