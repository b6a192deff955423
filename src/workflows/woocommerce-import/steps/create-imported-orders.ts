import { decorateCartTotals, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkImportTotal, medusaOrderInput, type ImportedOrderDraft } from "../../../woocommerce"
import { toMinorUnits } from "../../../klarna/utils/currency"
import type { ImportVariants } from "./resolve-import-variants"

export type CreateImportedOrdersStepInput = {
  /** Each with the id reserved for it in its WooCommerce link. */
  orders: Array<{ order_id: string; draft: ImportedOrderDraft; region_id: string; customer_id: string }>
  sales_channel_id?: string
  variants: ImportVariants
}

/** An order created (its id) or removed again because Medusa's total is not WooCommerce's. */
export type ImportedOrderResult = { order_id: string } | { rejected: string }

/**
 * Creates a page's Medusa orders, with their reserved ids, in one call to the
 * order module (no reservations, events or notifications), and checks each
 * stored order's total again: one that is not WooCommerce's to the minor unit
 * is removed again and rejected, with the per-order path's reason.
 */
export const createImportedOrdersStep = createStep(
  "create-imported-orders",
  async (input: CreateImportedOrdersStepInput, { container }) => {
    if (!input.orders.length) {
      return new StepResponse([] as ImportedOrderResult[], [] as string[])
    }
    const orders = container.resolve(Modules.ORDER)
    const variants = new Map(Object.entries(input.variants))
    const data = input.orders.map((o) => ({
      ...medusaOrderInput(o.draft, { region_id: o.region_id, customer_id: o.customer_id, sales_channel_id: input.sales_channel_id, variants }),
      id: o.order_id,
    }))
    const ids = input.orders.map((o) => o.order_id)
    // The module lists what it created re-read with every relation its totals need: Medusa's own
    // totals function gives the total a query would.
    const created = new Map((await orders.createOrders(data as any[])).map((o) => [o.id, o]))
    const results = input.orders.map(({ draft, order_id }): ImportedOrderResult => {
      const mismatch = totalMismatch(toMinorUnits(decorateCartTotals(created.get(order_id) as any).total as any, draft.currency_code), draft)
      return mismatch ? { rejected: mismatch } : { order_id }
    })
    const removed = ids.filter((_, i) => "rejected" in results[i])
    if (removed.length) {
      // A failing step is not compensated itself.
      await orders.deleteOrders(removed).catch(async (e) => {
        await orders.deleteOrders(ids).catch(() => undefined)
        throw e
      })
    }
    return new StepResponse(results, ids.filter((id) => !removed.includes(id)))
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
