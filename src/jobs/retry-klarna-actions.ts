import type { MedusaContainer } from "@medusajs/framework/types"
import { retryDueKlarnaActions } from "../workflows/klarna-action/retry-due-klarna-actions"

/** Retries automatic Klarna actions that failed because Klarna was unavailable. */
export default async function retryKlarnaActions(container: MedusaContainer) {
  await retryDueKlarnaActions(container)
}

export const config = {
  name: "retry-klarna-actions",
  schedule: "* * * * *",
}
