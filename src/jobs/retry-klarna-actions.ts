import type { MedusaContainer } from "@medusajs/framework/types"
import { retryDueKlarnaAutomations } from "../lib/order-management/retry-due-automations"

/** Retries automatic Klarna actions that failed because Klarna was unavailable. */
export default async function retryKlarnaActions(container: MedusaContainer) {
  await retryDueKlarnaAutomations(container)
}

export const config = {
  name: "retry-klarna-actions",
  schedule: "* * * * *",
}
