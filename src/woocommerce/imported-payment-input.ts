import type { ImportedOrderDraft } from "./map-order/woo-draft-types"
import { fromMinorUnitsToString } from "../klarna/utils/currency"
import { managedInKlarna } from "./klarna-history"

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
    provider_id: managed_in_klarna ? "pp_klarna_klarna" : "pp_system_default",
    amount: fromMinorUnitsToString(draft.totals.total, draft.currency_code),
    currency_code: draft.currency_code,
    data,
    managed_in_klarna,
  }
}
