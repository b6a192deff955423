import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../../modules/woocommerce-import"

/** The import's last write: the order is imported, up to this WooCommerce modification and status. */
export const confirmWooOrderLinkStep = createStep(
  "confirm-woo-order-link",
  async (input: { link_id: string; woo_modified_at: string; woo_status: string }, { container }) => {
    const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
    await woo.updateWooOrderLinks({ id: input.link_id, state: "imported", woo_modified_at: new Date(input.woo_modified_at) as any, woo_status: input.woo_status })
    return new StepResponse(undefined)
  }
)
