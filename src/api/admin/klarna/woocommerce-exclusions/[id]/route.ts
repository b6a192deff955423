import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../../../../modules/woocommerce-import"

/** Takes an order off the exclusion list: the next import of its shop reads it again. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const woo = req.scope.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const [exclusion] = await woo.listWooImportExclusions({ id: req.params.id }, { select: ["id"] })
  if (!exclusion) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `WooCommerce exclusion ${req.params.id} was not found.`)
  }
  await woo.deleteWooImportExclusions([exclusion.id])
  res.json({ id: exclusion.id, object: "woo_import_exclusion", deleted: true })
}
