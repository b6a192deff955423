import { MedusaError } from "@medusajs/framework/utils"
import type { ImportedOrderDraft } from "./map-order/woo-draft-types"

/** The email an imported order's customer is found or created by, lower-cased. */
export function importCustomerEmail(draft: ImportedOrderDraft): string {
  const email = (draft.email ?? draft.customer.email)?.toLowerCase()
  if (!email) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "The order has no customer email.")
  }
  return email
}

/** A guest customer for an imported order, marked as imported. */
export function importCustomerInput(draft: ImportedOrderDraft, email: string) {
  return {
    email,
    first_name: draft.customer.first_name ?? undefined,
    last_name: draft.customer.last_name ?? undefined,
    phone: draft.customer.phone ?? undefined,
    has_account: false,
    metadata: { imported_from: "woocommerce" },
  }
}
