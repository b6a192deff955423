import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../../../modules/woocommerce-import"
import { checkShopUrl } from "../../../../woocommerce"
import type { AdminExcludeWooOrdersType } from "../validators"

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
  const woo = req.scope.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const existing = await woo.listWooImportExclusions({ shop_url: checked.url, woo_order_id: woo_order_ids }, { select: ["woo_order_id"] })
  const known = new Set(existing.map((e) => Number(e.woo_order_id)))
  const fresh = [...new Set(woo_order_ids)].filter((id) => !known.has(id))
  if (fresh.length) {
    await woo.createWooImportExclusions(fresh.map((woo_order_id) => ({ shop_url: checked.url, woo_order_id, note: note ?? null })))
  }
  const exclusions = await woo.listWooImportExclusions({ shop_url: checked.url, woo_order_id: woo_order_ids })
  res.status(201).json({ exclusions })
}
