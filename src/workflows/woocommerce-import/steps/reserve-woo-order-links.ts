import { generateEntityId } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../../modules/woocommerce-import"

/** In the order of the input's ids. */
export type ReservedWooOrderLink = { woo_order_id: number; link_id: string; order_id: string }

/**
 * The page's first write, as reserve-woo-order-link's for one order: each
 * WooCommerce order's link to the Medusa order id it is about to get, marked
 * "importing", in one write. Unique per shop and order, so another run cannot
 * import them at the same time (the page then fails as a whole); if the
 * process dies half-way, the links name the orders to clean up.
 */
export const reserveWooOrderLinksStep = createStep(
  "reserve-woo-order-links",
  async (input: { shop_url: string; woo_order_ids: number[] }, { container }) => {
    if (!input.woo_order_ids.length) {
      return new StepResponse([] as ReservedWooOrderLink[], [] as string[])
    }
    const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
    const links = await woo.createWooOrderLinks(
      input.woo_order_ids.map((woo_order_id) => ({ shop_url: input.shop_url, woo_order_id, medusa_order_id: generateEntityId(undefined, "order"), state: "importing" as const }))
    )
    const byWooId = new Map(links.map((l) => [Number(l.woo_order_id), l]))
    const reserved = input.woo_order_ids.map((id) => ({ woo_order_id: id, link_id: byWooId.get(id)!.id, order_id: byWooId.get(id)!.medusa_order_id }))
    return new StepResponse(reserved, reserved.map((r) => r.link_id))
  },
  async (linkIds, { container }) => {
    if (linkIds?.length) {
      await container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE).deleteWooOrderLinks(linkIds)
    }
  }
)
