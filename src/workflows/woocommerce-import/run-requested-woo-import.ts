import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { INTERRUPTED_REASON, isStaleRun, openWooCredentials, privateHostsAllowed, UNOPENED_CREDENTIALS_REASON } from "../../woocommerce"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../modules/woocommerce-import"
import { runWooImport, type WooCredentials } from "./run-woo-import"
import { importServerSecret } from "./import-server-secret"

/** The lock a process holds on a run while it runs it or decides to resume it. */
export const importRunLockKey = (runId: string) => `woocommerce-import-run:${runId}`

/**
 * Runs `job` holding the run's lock, or answers `claimed: false` when the lock
 * could not be had within `timeout` seconds (another process or delivery has
 * the run). With Redis the lock lives `expire` seconds and is renewed while
 * the job runs, so the lock of a killed process lapses within that time.
 */
export async function withImportRunLock<T>(
  container: MedusaContainer,
  runId: string,
  job: () => Promise<T>,
  args: { timeout: number; expire?: number }
): Promise<{ claimed: true; value: T } | { claimed: false; why: string }> {
  const locking = container.resolve(Modules.LOCKING)
  let claimed = false
  try {
    const value = await locking.execute(
      importRunLockKey(runId),
      async () => {
        claimed = true
        return await job()
      },
      args
    )
    return { claimed: true, value }
  } catch (e) {
    if (claimed) {
      throw e
    }
    return { claimed: false, why: (e as Error).message }
  }
}

type RunWithCredentials = { id: string; sealed_credentials?: string | null }

/**
 * The run's WooCommerce credentials, or why this process cannot have them:
 * none were kept (a command-line run), or they cannot be opened with this
 * process's server secret.
 */
export function unsealRunCredentials(container: MedusaContainer, run: RunWithCredentials): { credentials: WooCredentials } | { reason: string } {
  if (!run.sealed_credentials) {
    return { reason: INTERRUPTED_REASON }
  }
  const secret = importServerSecret(container)
  const credentials = secret ? openWooCredentials(run.sealed_credentials, secret, run.id) : null
  return credentials ? { credentials } : { reason: UNOPENED_CREDENTIALS_REASON }
}

/**
 * - `completed`: this call ran the run to its end;
 * - `failed`: it ended failed here (its reason is on the run);
 * - `busy`: another process or delivery holds the run;
 * - `skipped`: nothing to do (finished, unknown, or a live command-line run).
 */
export type RequestedWooImportOutcome = "completed" | "failed" | "busy" | "skipped"

/**
 * Runs a queued import run (what the subscriber of `klarna.woocommerce_import.requested`
 * does, in a worker or the single process in shared mode): claims it under
 * its lock, which is held and renewed for as long as the run lasts, so a
 * duplicate delivery or another worker never runs it twice; opens its sealed
 * credentials and imports from its last committed page. Resolves when the
 * run ends; its outcome is on the run, a failure is also logged.
 */
export async function runRequestedWooImport(container: MedusaContainer, runId: string): Promise<RequestedWooImportOutcome> {
  const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const claim = await withImportRunLock(
    container,
    runId,
    async (): Promise<RequestedWooImportOutcome> => {
      const [run] = await woo.listWooImportRuns({ id: runId }, { select: ["id", "status", "heartbeat_at", "updated_at", "sealed_credentials"] })
      if (!run || run.status !== "running") {
        return "skipped" // finished meanwhile (a duplicate delivery)
      }
      if (!run.sealed_credentials && !isStaleRun(run as any, new Date())) {
        return "skipped" // a command-line run, alive in its own process
      }
      const opened = unsealRunCredentials(container, run)
      if ("reason" in opened) {
        await woo.updateWooImportRuns({ id: run.id, status: "failed", finished_at: new Date(), error: opened.reason, sealed_credentials: null })
        logger.warn(`WooCommerce import ${run.id} cannot run here: ${opened.reason}`)
        return "failed"
      }
      await woo.updateWooImportRuns({ id: run.id, heartbeat_at: new Date() as any })
      logger.info(`WooCommerce import ${run.id} is running in this process (pid ${process.pid})`)
      try {
        await runWooImport(container, run.id, opened.credentials, undefined, { allowPrivateHosts: privateHostsAllowed() })
        logger.info(`WooCommerce import ${run.id} finished in this process (pid ${process.pid})`)
        return "completed"
      } catch (e) {
        logger.error(`WooCommerce import ${run.id} failed: ${(e as Error).message}`)
        return "failed"
      }
    },
    { timeout: 1, expire: 30 }
  )
  if (!claim.claimed) {
    logger.info(`WooCommerce import ${runId} is taken by another process (${claim.why}); leaving it to that one.`)
    return "busy"
  }
  return claim.value
}
