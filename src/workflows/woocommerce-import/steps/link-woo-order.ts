import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../../modules/woocommerce-import"

/** Remembers which Medusa order a WooCommerce order became, so a re-run never duplicates it. */
export const linkWooOrderStep = createStep(
  "link-woo-order",
  async (input: { shop_url: string; woo_order_id: number; medusa_order_id: string; woo_modified_at: string; woo_status: string }, { container }) => {
    const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
    const link = await woo.createWooOrderLinks({ ...input, woo_modified_at: new Date(input.woo_modified_at) as any })
    return new StepResponse(link, link.id)
  },
  async (linkId, { container }) => {
    if (linkId) {
      await container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE).deleteWooOrderLinks([linkId])
    }
  }
)
