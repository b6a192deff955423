import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../../modules/woocommerce-import"

type LinkState = { id: string; woo_modified_at: string | null; woo_status: string }

/** Remembers the WooCommerce modification and status an imported order was brought up to; undone by restoring the previous ones. */
export const updateWooOrderLinkStep = createStep(
  "update-woo-order-link",
  async (input: LinkState, { container }) => {
    const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
    const previous = await woo.retrieveWooOrderLink(input.id)
    await woo.updateWooOrderLinks({ id: input.id, woo_modified_at: input.woo_modified_at as any, woo_status: input.woo_status })
    return new StepResponse(undefined, { id: previous.id, woo_modified_at: previous.woo_modified_at, woo_status: previous.woo_status })
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE).updateWooOrderLinks(previous as any)
    }
  }
)
