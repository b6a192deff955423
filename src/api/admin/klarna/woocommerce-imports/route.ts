import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../../../modules/woocommerce-import"
import { createWooImportRun } from "../../../../workflows/woocommerce-import/run-woo-import"
import { failUnresumableImports, startWooImport } from "../../../../workflows/woocommerce-import/resume-interrupted-imports"
import { checkShopHost, privateHostsAllowed } from "../../../../woocommerce"
import type { AdminStartWooImportType } from "../validators"
import { adminWooImportRun } from "./admin-import-run"

/** Past imports, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await failUnresumableImports(req.scope)
  const woo = req.scope.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const [runs, count] = await woo.listAndCountWooImportRuns({}, { order: { started_at: "DESC" }, take: 50 })
  res.json({ imports: runs.map(adminWooImportRun), count })
}

/**
 * Starts an import in the background and answers at once with the run; follow
 * it with GET /admin/klarna/woocommerce-imports/:id. The REST key and secret
 * are never logged or returned; they are kept sealed with the server's secret
 * while the run is unfinished (so it continues by itself after a restart)
 * and erased when it ends.
 *
 * The shop must be on the public internet (checked here and again on every
 * connection the import makes) unless WOOCOMMERCE_IMPORT_ALLOW_PRIVATE_HOSTS=true.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminStartWooImportType>, res: MedusaResponse) => {
  const { shop_url, consumer_key, consumer_secret, ...options } = req.validatedBody
  const allowPrivateHosts = privateHostsAllowed()
  if (!allowPrivateHosts) {
    const problem = await checkShopHost(new URL(shop_url).hostname)
    if (problem) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
    }
  }
  const credentials = { consumer_key, consumer_secret }
  const run = await createWooImportRun(req.scope, shop_url, options, credentials)
  startWooImport(req.scope, run.id, credentials, { allowPrivateHosts })
  res.status(202).json({ import: adminWooImportRun(run) })
}
