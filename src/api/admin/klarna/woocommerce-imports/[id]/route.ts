import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../../../../modules/woocommerce-import"
import { adminWooImportRun } from "../admin-import-run"
import { failUnresumableImports } from "../../../../../workflows/woocommerce-import/resume-interrupted-imports"

const FAILURES_SHOWN = 500

/**
 * One import: progress, summary and the per-order report: its failures first (up to 500, with how
 * many there are), then a page of every order's record (`limit`, `offset`, and their `count`).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as { limit: number; offset: number }
  await failUnresumableImports(req.scope)
  const woo = req.scope.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const run = await woo.retrieveWooImportRun(req.params.id).catch(() => undefined)
  if (!run) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `WooCommerce import ${req.params.id} was not found.`)
  }
  const [failures, failuresCount] = await woo.listAndCountWooImportRecords({ run_id: run.id, outcome: "failed" }, { order: { created_at: "ASC" }, take: FAILURES_SHOWN })
  const [records, count] = await woo.listAndCountWooImportRecords({ run_id: run.id }, { order: { created_at: "ASC", id: "ASC" }, take: limit, skip: offset })
  res.json({ import: adminWooImportRun(run), failures, failures_count: failuresCount, records, count, limit, offset })
}
