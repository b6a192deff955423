import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { INTERRUPTED_REASON, isStaleRun, openWooCredentials, privateHostsAllowed } from "../../woocommerce"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../modules/woocommerce-import"
import { runWooImport, type WooCredentials, type WooImportGuard } from "./run-woo-import"
import { importServerSecret } from "./import-server-secret"

/** Runs an import in this process without waiting for it; its outcome is on the run, a failure is also logged. */
export function startWooImport(container: MedusaContainer, runId: string, credentials: WooCredentials, guard: WooImportGuard = {}) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  setImmediate(() => {
    runWooImport(container, runId, credentials, undefined, guard).catch((e) => logger.error(`WooCommerce import ${runId} failed: ${(e as Error).message}`))
  })
}

async function staleRuns(container: MedusaContainer, now: Date) {
  const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const running = await woo.listWooImportRuns({ status: "running" }, { select: ["id", "heartbeat_at", "updated_at", "sealed_credentials"], take: 100 })
  return running.filter((r) => isStaleRun(r as any, now))
}

/**
 * Runs whose process died: one whose credentials were kept is continued here
 * from its last committed page (claimed under a lock, so one process takes
 * it); one started from the command line, whose credentials are not kept, is
 * marked failed with what to do. Returns the ids resumed and failed.
 */
export async function resumeInterruptedImports(container: MedusaContainer, now: Date = new Date()) {
  const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const locking = container.resolve(Modules.LOCKING)
  const secret = importServerSecret(container)
  const resumed: string[] = []
  const failed: string[] = []
  for (const candidate of await staleRuns(container, now)) {
    await locking.execute(
      `woocommerce-import-run:${candidate.id}`,
      async () => {
        const [run] = await woo.listWooImportRuns({ id: candidate.id }, { select: ["id", "status", "heartbeat_at", "updated_at", "sealed_credentials"] })
        if (!run || run.status !== "running" || !isStaleRun(run as any, now)) {
          return // finished, or taken over by another process meanwhile
        }
        const credentials = run.sealed_credentials && secret ? openWooCredentials(run.sealed_credentials, secret, run.id) : null
        if (!credentials) {
          await woo.updateWooImportRuns({ id: run.id, status: "failed", finished_at: now, error: INTERRUPTED_REASON, sealed_credentials: null })
          failed.push(run.id)
          return
        }
        await woo.updateWooImportRuns({ id: run.id, heartbeat_at: new Date() as any })
        startWooImport(container, run.id, credentials, { allowPrivateHosts: privateHostsAllowed() })
        resumed.push(run.id)
      },
      { timeout: 5 }
    )
  }
  return { resumed, failed }
}

/** Marks failed the interrupted runs that cannot continue by themselves (called when runs are read). */
export async function failUnresumableImports(container: MedusaContainer, now: Date = new Date()) {
  const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const dead = (await staleRuns(container, now)).filter((r) => !r.sealed_credentials)
  if (dead.length) {
    await woo.updateWooImportRuns(dead.map((r) => ({ id: r.id, status: "failed" as const, finished_at: now, error: INTERRUPTED_REASON })))
  }
  return dead.length
}
