import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { importCustomerInput, type ImportedOrderDraft } from "../../../woocommerce"
import { deleteUnusedCustomers, type CreatedImportCustomer } from "./create-import-customers"

/**
 * After some of a page's orders were rejected: what the per-order path would
 * have left of the customers created for the page. One whose orders were all
 * rejected is deleted (unless an order uses it); one created from a rejected
 * order but kept for a later one gets that order's details, as if the later
 * order had created it. Undone with the customers themselves.
 */
export const settleImportCustomersStep = createStep(
  "settle-import-customers",
  async (input: { created: CreatedImportCustomer[]; imported: Array<{ email: string; draft: ImportedOrderDraft }> }, { container }) => {
    const unused: string[] = []
    const corrected: Array<{ id: string; email: string; draft: ImportedOrderDraft }> = []
    for (const customer of input.created) {
      const first = input.imported.find((o) => o.email === customer.email)
      if (!first) unused.push(customer.id)
      else if (first.draft.woo_id !== customer.woo_id) corrected.push({ id: customer.id, email: customer.email, draft: first.draft })
    }
    if (unused.length) {
      await deleteUnusedCustomers(container, unused)
    }
    const customers = container.resolve(Modules.CUSTOMER)
    for (const c of corrected) {
      const data = importCustomerInput(c.draft, c.email)
      await customers.updateCustomers(c.id, { first_name: data.first_name ?? null, last_name: data.last_name ?? null, phone: data.phone ?? null })
    }
    return new StepResponse(undefined)
  }
)
