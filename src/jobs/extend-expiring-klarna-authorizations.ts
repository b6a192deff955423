import type { MedusaContainer } from "@medusajs/framework/types"
import { extendExpiringKlarnaAuthorizations } from "../workflows/extend-expiring-klarna-authorizations"

/** Extends Klarna reservations about to expire, and warns about those that cannot be. */
export default async function extendExpiringKlarnaAuthorizationsJob(container: MedusaContainer) {
  await extendExpiringKlarnaAuthorizations(container)
}

export const config = {
  name: "extend-expiring-klarna-authorizations",
  // Hourly, off the full hour the other jobs crowd.
  schedule: "17 * * * *",
}
