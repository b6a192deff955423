import type { MedusaContainer } from "@medusajs/framework/types"
import { INTERRUPTED_REASON, isStaleRun } from "../../woocommerce"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../modules/woocommerce-import"
import { requestWooImportWorkflow } from "./request-woo-import"
import { unsealRunCredentials, withImportRunLock } from "./run-requested-woo-import"

async function staleRuns(container: MedusaContainer, now: Date) {
  const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const running = await woo.listWooImportRuns({ status: "running" }, { select: ["id", "heartbeat_at", "updated_at", "sealed_credentials"], take: 100 })
  return running.filter((r) => isStaleRun(r as any, now))
}

/**
 * Runs whose process died: one whose credentials were kept is queued again
 * for a worker (`klarna.woocommerce_import.requested`), which continues it
 * from its last committed page; its heartbeat is renewed under the run's lock
 * first, so one process queues it once. One started from the command line,
 * whose credentials are not kept (or one whose credentials cannot be opened),
 * is marked failed with what to do. Returns the ids resumed and failed.
 */
export async function resumeInterruptedImports(container: MedusaContainer, now: Date = new Date()) {
  const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const resumed: string[] = []
  const failed: string[] = []
  for (const candidate of await staleRuns(container, now)) {
    // Not claimed: a process holds the run (it is running it), so it is not ours to resume.
    await withImportRunLock(
      container,
      candidate.id,
      async () => {
        const [run] = await woo.listWooImportRuns({ id: candidate.id }, { select: ["id", "status", "heartbeat_at", "updated_at", "sealed_credentials"] })
        if (!run || run.status !== "running" || !isStaleRun(run as any, now)) {
          return // finished, or taken over by another process meanwhile
        }
        const opened = unsealRunCredentials(container, run)
        if ("reason" in opened) {
          await woo.updateWooImportRuns({ id: run.id, status: "failed", finished_at: now, error: opened.reason, sealed_credentials: null })
          failed.push(run.id)
          return
        }
        await woo.updateWooImportRuns({ id: run.id, heartbeat_at: new Date() as any })
        resumed.push(run.id)
      },
      { timeout: 5 }
    )
  }
  // Queued once the locks are released, so the worker that takes a run finds it free.
  for (const id of resumed) {
    await requestWooImportWorkflow(container).run({ input: { id } })
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
