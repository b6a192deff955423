import { generateEntityId } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../../modules/woocommerce-import"

/**
 * The import's first write: the link from the WooCommerce order to the Medusa
 * order id it is about to create, marked "importing". Unique per shop and
 * order, so two runs never import one order twice; if the process dies
 * half-way, the link names the order to clean up.
 */
export const reserveWooOrderLinkStep = createStep(
  "reserve-woo-order-link",
  async (input: { shop_url: string; woo_order_id: number }, { container }) => {
    const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
    const link = await woo.createWooOrderLinks({ ...input, medusa_order_id: generateEntityId(undefined, "order"), state: "importing" })
    return new StepResponse({ link_id: link.id, order_id: link.medusa_order_id }, link.id)
  },
  async (linkId, { container }) => {
    if (linkId) {
      await container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE).deleteWooOrderLinks([linkId])
    }
  }
)
