import type { MedusaContainer } from "@medusajs/framework/types"
import { KLARNA_ORDER_MANAGEMENT_MODULE } from "../../src/modules/klarna-order-management"

export type KlarnaEventsOptions = {
  /**
   * Every placed Klarna order gets a merchant-references entry after the purchase; specs about
   * other actions leave it out unless they ask for it.
   */
  withMerchantReferences?: boolean
}

export async function klarnaEvents(container: MedusaContainer, orderId: string, options: KlarnaEventsOptions = {}) {
  const om = container.resolve(KLARNA_ORDER_MANAGEMENT_MODULE) as any
  const events = (await om.listKlarnaEvents({ order_id: orderId }, { order: { created_at: "ASC" } })) as any[]
  return options.withMerchantReferences ? events : events.filter((e) => e.action !== "merchant_references")
}

/**
 * Waits until the order's event log satisfies `predicate` (subscribers run after the response).
 * Entries of actions still running (written before they act) are left out: tests wait for what
 * actions ended with.
 */
export async function waitForKlarnaEvents(
  container: MedusaContainer,
  orderId: string,
  predicate: (events: any[]) => boolean,
  timeoutMs = 15_000,
  options: KlarnaEventsOptions = {}
) {
  const deadline = Date.now() + timeoutMs
  let events: any[] = []
  while (Date.now() < deadline) {
    events = (await klarnaEvents(container, orderId, options)).filter((e) => e.outcome !== "running")
    if (predicate(events)) {
      return events
    }
    await new Promise((r) => setTimeout(r, 150))
  }
  throw new Error(`Timed out waiting for Klarna events on ${orderId}; got ${JSON.stringify(events.map((e) => [e.action, e.outcome, e.message]))}`)
}
