import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../../../modules/woocommerce-import"
import { createWooImportRun, runWooImport } from "../../../../workflows/woocommerce-import/run-woo-import"
import { failInterruptedRuns } from "../../../../workflows/woocommerce-import/fail-interrupted-runs"
import { checkShopHost, privateHostsAllowed } from "../../../../woocommerce"
import type { AdminStartWooImportType } from "../validators"

/** Past imports, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await failInterruptedRuns(req.scope)
  const woo = req.scope.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const [runs, count] = await woo.listAndCountWooImportRuns({}, { order: { started_at: "DESC" }, take: 50 })
  res.json({ imports: runs, count })
}

/**
 * Starts an import in the background and answers at once with the run; follow
 * it with GET /admin/klarna/woocommerce-imports/:id. The REST key and secret
 * are used for this run only: never stored, logged or returned.
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
  const run = await createWooImportRun(req.scope, shop_url, options)
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  setImmediate(() => {
    // runWooImport records any failure on the run itself; this only logs it.
    runWooImport(req.scope, run.id, { consumer_key, consumer_secret }, undefined, { allowPrivateHosts }).catch((e) =>
      logger.error(`WooCommerce import ${run.id} failed: ${(e as Error).message}`)
    )
  })
  res.status(202).json({ import: run })
}
