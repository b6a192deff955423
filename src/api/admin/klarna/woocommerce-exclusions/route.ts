import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../../../modules/woocommerce-import"
import { checkShopUrl } from "../../../../woocommerce"
import type { AdminExcludeWooOrdersType } from "../validators"
import { excludeWooOrders } from "../../../../workflows/woocommerce-import/exclude-woo-orders"

/** The WooCommerce orders the merchant chose not to import, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const woo = req.scope.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const [exclusions, count] = await woo.listAndCountWooImportExclusions({}, { order: { created_at: "DESC" }, take: 500 })
  res.json({ exclusions, count })
}

/**
 * Excludes WooCommerce orders from every later import of the shop: they are
 * reported as skipped and no longer retried (an order that keeps failing
 * otherwise holds the incremental mark back until it imports).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminExcludeWooOrdersType>, res: MedusaResponse) => {
  const { shop_url, woo_order_ids, note } = req.validatedBody
  const checked = checkShopUrl(shop_url)
  if (!checked.ok) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, checked.reason)
  }
  const exclusions = await excludeWooOrders(req.scope, checked.url, woo_order_ids, note ?? null)
  res.status(201).json({ exclusions })
}
