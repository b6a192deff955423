import { asValue } from "@medusajs/framework/awilix"
import { createMedusaContainer, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SAMPLE_ORDER_A } from "../../../../../fake-woocommerce/src"
import { mapWooOrder, type ImportedOrderDraft } from "../../../../woocommerce"
import { createImportCustomerStep } from "../create-import-customer"

/** An in-memory customer module: just what the step uses. */
function fakeCustomers(existing: string[] = []) {
  let next = 0
  const rows = new Map<string, { id: string; email: string; metadata?: unknown }>(existing.map((email) => [`cus_existing_${email}`, { id: `cus_existing_${email}`, email }]))
  return {
    rows,
    listCustomers: async ({ email }: { email: string }) => [...rows.values()].filter((c) => c.email === email),
    createCustomers: async (data: Array<{ email: string; metadata?: unknown }>) =>
      data.map((d) => {
        const row = { ...d, id: `cus_new_${++next}` }
        rows.set(row.id, row)
        return row
      }),
    deleteCustomers: async (ids: string[]) => ids.forEach((id) => rows.delete(id)),
  }
}

const failAfterCustomerStep = createStep("test-fail-after-import-customer", async () => {
  throw new Error("the order step failed")
})

const customerThenFailure = createWorkflow("test-import-customer-then-failure", (input: { draft: ImportedOrderDraft }) => {
  const customer = createImportCustomerStep(input)
  failAfterCustomerStep()
  return new WorkflowResponse(customer)
})

const customerOnly = createWorkflow("test-import-customer-only", (input: { draft: ImportedOrderDraft }) => new WorkflowResponse(createImportCustomerStep(input)))

function draftWithEmail(email: string | null): ImportedOrderDraft {
  const mapped = mapWooOrder(SAMPLE_ORDER_A, { shopUrl: "https://shop.example.se" })
  if (!mapped.ok) throw new Error(mapped.reason)
  return { ...mapped.draft, email, customer: { ...mapped.draft.customer, email } }
}

function containerWith(customers: ReturnType<typeof fakeCustomers>, ordersOf: Record<string, string[]> = {}) {
  const container = createMedusaContainer()
  container.register(Modules.CUSTOMER, asValue(customers))
  container.register(Modules.ORDER, asValue({ listOrders: async ({ customer_id }: { customer_id: string }) => (ordersOf[customer_id] ?? []).map((id) => ({ id })) }))
  return container
}

describe("createImportCustomerStep", () => {
  it("creates a guest customer marked as imported, by the lower-cased email", async () => {
    const customers = fakeCustomers()
    const { result } = await customerOnly(containerWith(customers)).run({ input: { draft: draftWithEmail("New.Buyer@Example.se") } })
    expect(customers.rows.get(result.customer_id)).toEqual(
      expect.objectContaining({ email: "new.buyer@example.se", has_account: false, metadata: { imported_from: "woocommerce" } })
    )
  })

  it("deletes the customer it created when a later step fails", async () => {
    const customers = fakeCustomers()
    await expect(customerThenFailure(containerWith(customers)).run({ input: { draft: draftWithEmail("new.buyer@example.se") } })).rejects.toEqual(
      expect.objectContaining({ message: "the order step failed" })
    )
    expect(customers.rows.size).toBe(0)
  })

  it("never deletes a customer that existed before the import", async () => {
    const customers = fakeCustomers(["known@example.se"])
    await expect(customerThenFailure(containerWith(customers)).run({ input: { draft: draftWithEmail("Known@example.se") } })).rejects.toBeTruthy()
    expect([...customers.rows.keys()]).toEqual(["cus_existing_known@example.se"])
  })

  it("keeps a customer it created once another run's imported order uses it", async () => {
    const customers = fakeCustomers()
    await expect(
      customerThenFailure(containerWith(customers, { cus_new_1: ["order_from_another_run"] })).run({ input: { draft: draftWithEmail("shared@example.se") } })
    ).rejects.toBeTruthy()
    expect([...customers.rows.keys()]).toEqual(["cus_new_1"])
  })

  it("refuses an order without an email, with the merchant's message", async () => {
    const customers = fakeCustomers()
    await expect(customerOnly(containerWith(customers)).run({ input: { draft: draftWithEmail(null) } })).rejects.toEqual(
      expect.objectContaining({ message: "The order has no customer email." })
    )
    expect(customers.rows.size).toBe(0)
  })
})
