import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../../modules/woocommerce-import"

/**
 * The page's last write, as confirm-woo-order-link's for one order: the
 * imported orders' links confirmed up to their WooCommerce modification and
 * status; the reservations of orders rejected after all are released.
 */
export const settleWooOrderLinksStep = createStep(
  "settle-woo-order-links",
  async (input: { imported: Array<{ link_id: string; woo_modified_at: string; woo_status: string }>; released: string[] }, { container }) => {
    const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
    if (input.released.length) {
      await woo.deleteWooOrderLinks(input.released)
    }
    if (input.imported.length) {
      await woo.updateWooOrderLinks(
        input.imported.map((l) => ({ id: l.link_id, state: "imported" as const, woo_modified_at: new Date(l.woo_modified_at) as any, woo_status: l.woo_status }))
      )
    }
    return new StepResponse(undefined)
  }
)
