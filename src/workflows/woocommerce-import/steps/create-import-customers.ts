import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { importCustomerInput, type ImportedOrderDraft } from "../../../woocommerce"

/**
 * The customers of a page's orders by email, as the per-order path finds or
 * creates them one order at a time: the existing ones read at once, the
 * missing ones created at once, each from the first order with its email.
 * If the page fails later, only customers created here that no order uses
 * are deleted.
 */
export const createImportCustomersStep = createStep(
  "create-import-customers",
  async (input: { orders: Array<{ email: string; draft: ImportedOrderDraft }> }, { container }) => {
    const customers = container.resolve(Modules.CUSTOMER)
    const emails = [...new Set(input.orders.map((o) => o.email))]
    const byEmail = new Map<string, string>()
    if (emails.length) {
      for (const c of await customers.listCustomers({ email: emails }, { select: ["id", "email"] })) {
        if (!byEmail.has(c.email!)) byEmail.set(c.email!, c.id)
      }
    }
    const creators = emails.filter((e) => !byEmail.has(e)).map((email) => input.orders.find((o) => o.email === email)!)
    const created = creators.length ? await customers.createCustomers(creators.map((o) => importCustomerInput(o.draft, o.email))) : []
    for (const c of created) {
      byEmail.set(c.email!, c.id)
    }
    return new StepResponse({ customer_ids: input.orders.map((o) => byEmail.get(o.email)!) }, created.map((c) => c.id))
  },
  async (createdIds, { container }) => {
    if (createdIds?.length) {
      await deleteUnusedCustomers(container, createdIds)
    }
  }
)

/** Deletes those of the customers no order uses (an order imported meanwhile by another run may). */
async function deleteUnusedCustomers(container: MedusaContainer, ids: string[]) {
  const used = await container.resolve(Modules.ORDER).listOrders({ customer_id: ids }, { select: ["id", "customer_id"] })
  const unused = ids.filter((id) => !used.some((o) => o.customer_id === id))
  if (unused.length) {
    await container.resolve(Modules.CUSTOMER).deleteCustomers(unused)
  }
}
