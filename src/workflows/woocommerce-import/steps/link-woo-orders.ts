import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../../modules/woocommerce-import"

type WooOrderLinkInput = { shop_url: string; woo_order_id: number; medusa_order_id: string; woo_modified_at: string; woo_status: string }

/** Remembers which Medusa orders a page's WooCommerce orders became, in one write, so a re-run never duplicates them. */
export const linkWooOrdersStep = createStep(
  "link-woo-orders",
  async (input: { links: WooOrderLinkInput[] }, { container }) => {
    if (!input.links.length) {
      return new StepResponse(undefined, [] as string[])
    }
    const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
    const links = await woo.createWooOrderLinks(input.links.map((l) => ({ ...l, woo_modified_at: new Date(l.woo_modified_at) as any })))
    return new StepResponse(undefined, links.map((l) => l.id))
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE).deleteWooOrderLinks(ids)
    }
  }
)
