import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { importCustomerEmail, importCustomerInput, type ImportedOrderDraft } from "../../../woocommerce"

/**
 * The order's customer by email: an existing one, or a new guest customer.
 * If the import fails later, only a customer this step created is deleted.
 */
export const createImportCustomerStep = createStep(
  "create-import-customer",
  async (input: { draft: ImportedOrderDraft }, { container }) => {
    const email = importCustomerEmail(input.draft)
    const customers = container.resolve(Modules.CUSTOMER)
    const [existing] = await customers.listCustomers({ email })
    if (existing) {
      return new StepResponse({ customer_id: existing.id }, { customer_id: existing.id, created: false })
    }
    const [created] = await customers.createCustomers([importCustomerInput(input.draft, email)])
    return new StepResponse({ customer_id: created.id }, { customer_id: created.id, created: true })
  },
  async (undo, { container }) => {
    // A customer that existed before this import is not this import's to delete, nor one that an
    // order imported meanwhile by another run already uses (this import's own order is undone first).
    if (!undo?.created) {
      return
    }
    const [used] = await container.resolve(Modules.ORDER).listOrders({ customer_id: undo.customer_id }, { select: ["id"], take: 1 })
    if (!used) {
      await container.resolve(Modules.CUSTOMER).deleteCustomers([undo.customer_id])
    }
  }
)
