import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkImportTotal, medusaOrderInput, type ImportedOrderDraft } from "../../../woocommerce"
import { toMinorUnits } from "../../../klarna/utils/currency"
import type { ImportVariants } from "./resolve-import-variants"

export type CreateImportedOrdersStepInput = {
  orders: Array<{ draft: ImportedOrderDraft; region_id: string; customer_id: string }>
  sales_channel_id?: string
  variants: ImportVariants
}

/** An order created (its id) or removed again because Medusa's total is not WooCommerce's. */
export type ImportedOrderResult = { order_id: string } | { rejected: string }

/**
 * Creates a page's Medusa orders in one call to the order module (no
 * reservations, events or notifications) and reads their totals in one query;
 * an order whose total is not WooCommerce's to the minor unit is removed
 * again and rejected, with the per-order path's reason.
 */
export const createImportedOrdersStep = createStep(
  "create-imported-orders",
  async (input: CreateImportedOrdersStepInput, { container }) => {
    if (!input.orders.length) {
      return new StepResponse([] as ImportedOrderResult[], [] as string[])
    }
    const orders = container.resolve(Modules.ORDER)
    const variants = new Map(Object.entries(input.variants))
    const data = input.orders.map((o) => medusaOrderInput(o.draft, { region_id: o.region_id, customer_id: o.customer_id, sales_channel_id: input.sales_channel_id, variants }))
    const created = await orders.createOrders(data as any[])
    // The module lists what it created, not necessarily in the input's order.
    const idOf = new Map(created.map((o) => [Number((o.metadata as any)?.woocommerce_id), o.id]))
    const ids = input.orders.map((o) => idOf.get(o.draft.woo_id)!)
    try {
      const results = await checkTotals(container, input.orders, ids)
      const removed = ids.filter((_, i) => "rejected" in results[i])
      if (removed.length) {
        await orders.deleteOrders(removed)
      }
      return new StepResponse(results, ids.filter((id) => !removed.includes(id)))
    } catch (e) {
      // A failing step is not compensated itself.
      await orders.deleteOrders(ids).catch(() => undefined)
      throw e
    }
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve(Modules.ORDER).deleteOrders(ids)
    }
  }
)

/** The per-order path's refusal of an order whose Medusa total is not WooCommerce's, as a reason. */
function totalMismatch(total: number, draft: ImportedOrderDraft): string | null {
  try {
    checkImportTotal(draft, total)
    return null
  } catch (e) {
    return (e as Error).message
  }
}

async function checkTotals(container: MedusaContainer, orders: CreateImportedOrdersStepInput["orders"], ids: string[]): Promise<ImportedOrderResult[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "total"], filters: { id: ids } })
  const totalOf = new Map((data as any[]).map((o) => [o.id, o.total]))
  return orders.map(({ draft }, i) => {
    const mismatch = totalMismatch(toMinorUnits(totalOf.get(ids[i]), draft.currency_code), draft)
    return mismatch ? { rejected: mismatch } : { order_id: ids[i] }
  })
}
