import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../../../../modules/woocommerce-import"
import { adminWooImportRun } from "../admin-import-run"
import { failUnresumableImports } from "../../../../../workflows/woocommerce-import/resume-interrupted-imports"

/** One import: progress, summary and the per-order report (failures first). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await failUnresumableImports(req.scope)
  const woo = req.scope.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const run = await woo.retrieveWooImportRun(req.params.id).catch(() => undefined)
  if (!run) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `WooCommerce import ${req.params.id} was not found.`)
  }
  const failures = await woo.listWooImportRecords({ run_id: run.id, outcome: "failed" }, { take: 500 })
  const records = await woo.listWooImportRecords({ run_id: run.id }, { order: { created_at: "ASC" }, take: 1000 })
  res.json({ import: adminWooImportRun(run), failures, records })
}
