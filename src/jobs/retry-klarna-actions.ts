import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { retryDueKlarnaActions } from "../workflows/klarna-action/retry-due-klarna-actions"

/**
 * Retries automatic Klarna actions that failed because Klarna was unavailable, and
 * actions whose process died. With Redis, Medusa schedules it once per minute across
 * all workers; the line it logs when something was due names the minute, so an
 * operator (and the scale-out test) can see that no tick ran twice.
 */
export default async function retryKlarnaActions(container: MedusaContainer) {
  const now = new Date()
  const due = await retryDueKlarnaActions(container, now)
  if (due > 0) {
    const tick = now.toISOString().slice(0, 16)
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`Klarna retry job (tick ${tick}Z, pid ${process.pid}): ${due} due Klarna action(s) run`)
  }
}

export const config = {
  name: "retry-klarna-actions",
  schedule: "* * * * *",
}
