import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../../../modules/woocommerce-import"
import { createWooImportRun } from "../../../../workflows/woocommerce-import/run-woo-import"
import { failUnresumableImports } from "../../../../workflows/woocommerce-import/resume-interrupted-imports"
import { requestWooImportWorkflow } from "../../../../workflows/woocommerce-import/request-woo-import"
import { importServerSecret } from "../../../../workflows/woocommerce-import/import-server-secret"
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
 * Queues an import and answers at once with the run; a worker (or the single
 * process in shared mode) runs it, through the `klarna.woocommerce_import.requested`
 * event, never this HTTP process. Follow it with GET /admin/klarna/woocommerce-imports/:id.
 * The REST key and secret are never logged, returned or put in the event;
 * they are kept sealed on the run with the server's secret while it is
 * unfinished (so a worker can run it, and it continues by itself after a
 * restart) and erased when it ends.
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
  if (!importServerSecret(req.scope)) {
    // Medusa always has one (its default or JWT_SECRET); without it a worker could not read the credentials.
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Imports from the admin need the server's JWT secret (http.jwtSecret) to keep the credentials for the worker.")
  }
  const credentials = { consumer_key, consumer_secret }
  const run = await createWooImportRun(req.scope, shop_url, options, credentials)
  await requestWooImportWorkflow(req.scope).run({ input: { id: run.id } })
  res.status(202).json({ import: adminWooImportRun(run) })
}
