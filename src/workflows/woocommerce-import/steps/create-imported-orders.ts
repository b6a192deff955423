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

/**
 * Creates a page's Medusa orders, with their reserved ids, in one call to the
 * order module (no reservations, events or notifications), and checks each
 * stored order's total again, as the per-order path does. The totals were
 * checked before anything was written, so a stored order that does not come
 * out at WooCommerce's total fails the page, which is then imported order by
 * order and that order reported as that path reports it.
 */
export const createImportedOrdersStep = createStep(
  "create-imported-orders",
  async (input: CreateImportedOrdersStepInput, { container }) => {
    const ids = input.orders.map((o) => o.order_id)
    if (!ids.length) {
      return new StepResponse(ids, ids)
    }
    const orders = container.resolve(Modules.ORDER)
    const variants = new Map(Object.entries(input.variants))
    const data = input.orders.map((o) => ({
      ...medusaOrderInput(o.draft, { region_id: o.region_id, customer_id: o.customer_id, sales_channel_id: input.sales_channel_id, variants }),
      id: o.order_id,
    }))
    // The module answers what it created re-read with every relation its totals need: Medusa's own
    // totals function gives the total a query would.
    const created = new Map((await orders.createOrders(data as any[])).map((o) => [o.id, o]))
    try {
      for (const { draft, order_id } of input.orders) {
        checkImportTotal(draft, toMinorUnits(decorateCartTotals(created.get(order_id) as any).total as any, draft.currency_code))
      }
    } catch (e) {
      // A failing step is not compensated itself.
      await orders.deleteOrders(ids).catch(() => undefined)
      throw e
    }
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve(Modules.ORDER).deleteOrders(ids)
    }
  }
)
