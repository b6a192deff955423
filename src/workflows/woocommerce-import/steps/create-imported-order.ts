import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkImportTotal, medusaOrderInput, medusaOrderTotal, type ImportedOrderDraft } from "../../../woocommerce"
import { toMinorUnits } from "../../../klarna/utils/currency"

export type CreateImportedOrderStepInput = {
  /** The id reserved for it in the WooCommerce link. */
  order_id: string
  draft: ImportedOrderDraft
  region_id: string
  customer_id: string
  sales_channel_id?: string
  /** SKU → variant */
  variants: Record<string, { id: string; product_id: string }>
}

/**
 * Creates the Medusa order through the order module (no reservations, events
 * or notifications) once its total, as Medusa computes it, is WooCommerce's to
 * the minor unit, and checks the stored order's total again (removing it when
 * it does not come out equal).
 */
export const createImportedOrderStep = createStep(
  "create-imported-order",
  async (input: CreateImportedOrderStepInput, { container }) => {
    const orders = container.resolve(Modules.ORDER)
    const data = medusaOrderInput(input.draft, { ...input, variants: new Map(Object.entries(input.variants)) })
    checkImportTotal(input.draft, medusaOrderTotal(data, input.draft.currency_code))
    const [order] = await orders.createOrders([{ ...data, id: input.order_id } as any])
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [withTotals],
    } = await query.graph({ entity: "order", fields: ["id", "total"], filters: { id: order.id } })
    const total = toMinorUnits((withTotals as any).total, input.draft.currency_code)
    try {
      checkImportTotal(input.draft, total)
    } catch (e) {
      await orders.deleteOrders([order.id])
      throw e
    }
    return new StepResponse({ id: order.id }, order.id)
  },
  async (orderId, { container }) => {
    if (orderId) {
      await container.resolve(Modules.ORDER).deleteOrders([orderId])
    }
  }
)
