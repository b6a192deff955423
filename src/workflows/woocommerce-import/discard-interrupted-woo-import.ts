import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../modules/woocommerce-import"

/**
 * What an import whose process died half-way left behind: the order it
 * reserved (if it got that far) with its payment collections, and the link.
 * A customer it created stays: the redo finds it by email.
 */
const discardInterruptedWooImportStep = createStep(
  "discard-interrupted-woo-import",
  async (input: { link_id: string; order_id: string }, { container }) => {
    await discardOrder(container, input.order_id)
    await container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE).deleteWooOrderLinks([input.link_id])
    return new StepResponse(undefined)
  }
)

async function discardOrder(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "payment_collections.id"], filters: { id: orderId } })
  if (!order) {
    return
  }
  const collections = ((order as any).payment_collections ?? []).map((c: any) => c.id)
  if (collections.length) {
    await container
      .resolve(ContainerRegistrationKeys.LINK)
      .dismiss(collections.map((id: string) => ({ [Modules.ORDER]: { order_id: orderId }, [Modules.PAYMENT]: { payment_collection_id: id } })))
    await container.resolve(Modules.PAYMENT).deletePaymentCollections(collections)
  }
  await container.resolve(Modules.ORDER).deleteOrders([orderId])
}

export const discardInterruptedWooImportWorkflowId = "discard-interrupted-woo-import"

export const discardInterruptedWooImportWorkflow = createWorkflow(discardInterruptedWooImportWorkflowId, (input: { link_id: string; order_id: string }) => {
  discardInterruptedWooImportStep(input)
  return new WorkflowResponse(undefined)
})
