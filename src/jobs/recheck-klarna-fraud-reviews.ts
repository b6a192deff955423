import type { MedusaContainer } from "@medusajs/framework/types"
import { recheckPendingFraudReviews } from "../workflows/recheck-klarna-fraud-reviews"

/** Asks Klarna again about orders still in fraud review, in case its notification never arrived. */
export default async function recheckKlarnaFraudReviews(container: MedusaContainer) {
  await recheckPendingFraudReviews(container)
}

export const config = {
  name: "recheck-klarna-fraud-reviews",
  schedule: "*/5 * * * *",
}
