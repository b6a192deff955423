import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../../modules/woocommerce-import"

/** The page's last write, as confirm-woo-order-link's for one order: the orders are imported, up to their WooCommerce modification and status. */
export const confirmWooOrderLinksStep = createStep(
  "confirm-woo-order-links",
  async (input: { links: Array<{ link_id: string; woo_modified_at: string; woo_status: string }> }, { container }) => {
    if (input.links.length) {
      await container
        .resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
        .updateWooOrderLinks(input.links.map((l) => ({ id: l.link_id, state: "imported" as const, woo_modified_at: new Date(l.woo_modified_at) as any, woo_status: l.woo_status })))
    }
    return new StepResponse(undefined)
  }
)
