import type { MedusaContainer } from "@medusajs/framework/types"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../modules/woocommerce-import"

/**
 * A run saves its progress after every page; one that has not for this long
 * lost its process (a restart, a crash, a closed terminal).
 */
export const INTERRUPTED_AFTER_MS = 30 * 60_000

export const INTERRUPTED_REASON =
  "The import was interrupted: it made no progress for 30 minutes, so the server or command running it has stopped. " +
  "Start it again (orders already imported are not duplicated), or continue it from the command line with --resume and this run's id."

/**
 * Marks runs still "running" without progress for INTERRUPTED_AFTER_MS as
 * failed, so a crashed run does not look alive for ever. Called when runs are
 * read. A run that is in fact alive still ends "completed" when it finishes.
 */
export async function failInterruptedRuns(container: MedusaContainer, now: Date = new Date()): Promise<number> {
  const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const cutoff = new Date(now.getTime() - INTERRUPTED_AFTER_MS)
  const stale = await woo.listWooImportRuns({ status: "running", updated_at: { $lt: cutoff } } as any, { select: ["id"], take: 100 })
  if (!stale.length) return 0
  await woo.updateWooImportRuns(stale.map((r) => ({ id: r.id, status: "failed" as const, finished_at: now, error: INTERRUPTED_REASON })))
  return stale.length
}
