import type { MedusaContainer } from "@medusajs/framework/types"
import { syncKlarnaSettlementsWorkflow } from "../workflows/settlements/sync-klarna-settlements"

/** Reads new Klarna and Kustom payouts and reconciles them with Medusa's captures and refunds. */
export default async function syncKlarnaSettlements(container: MedusaContainer) {
  await syncKlarnaSettlementsWorkflow(container).run({ input: {} })
}

export const config = {
  name: "sync-klarna-settlements",
  schedule: "0 */6 * * *",
}
