import type { MedusaContainer } from "@medusajs/framework/types"
import { INTERRUPTED_REASON, interruptedBefore } from "../../woocommerce"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../modules/woocommerce-import"

/**
 * Marks runs still "running" without progress for INTERRUPTED_AFTER_MS as
 * failed, so a crashed run does not look alive for ever. Called when runs are
 * read. A run that is in fact alive still ends "completed" when it finishes.
 */
export async function failInterruptedRuns(container: MedusaContainer, now: Date = new Date()): Promise<number> {
  const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const stale = await woo.listWooImportRuns({ status: "running", updated_at: { $lt: interruptedBefore(now) } } as any, { select: ["id"], take: 100 })
  if (!stale.length) return 0
  await woo.updateWooImportRuns(stale.map((r) => ({ id: r.id, status: "failed" as const, finished_at: now, error: INTERRUPTED_REASON })))
  return stale.length
}
