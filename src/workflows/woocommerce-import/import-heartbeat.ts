import { heartbeatMs } from "../../woocommerce"
import type { WooCommerceImportService } from "../../modules/woocommerce-import"

/** Writes the run's heartbeat while it runs, so no other process takes it over; `stop` when it ends. */
export function keepImportRunAlive(woo: WooCommerceImportService, runId: string) {
  let beating: Promise<unknown> = Promise.resolve()
  const timer = setInterval(() => {
    beating = woo.updateWooImportRuns({ id: runId, heartbeat_at: new Date() as any }).catch(() => undefined)
  }, heartbeatMs())
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await beating
    },
  }
}
