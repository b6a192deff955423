import type { MedusaContainer } from "@medusajs/framework/types"
import { KLARNA_ORDER_MANAGEMENT_MODULE } from "../../src/modules/klarna-order-management"

export async function klarnaEvents(container: MedusaContainer, orderId: string) {
  const om = container.resolve(KLARNA_ORDER_MANAGEMENT_MODULE) as any
  return (await om.listKlarnaEvents({ order_id: orderId }, { order: { created_at: "ASC" } })) as any[]
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
  timeoutMs = 15_000
) {
  const deadline = Date.now() + timeoutMs
  let events: any[] = []
  while (Date.now() < deadline) {
    events = (await klarnaEvents(container, orderId)).filter((e) => e.outcome !== "running")
    if (predicate(events)) {
      return events
    }
    await new Promise((r) => setTimeout(r, 150))
  }
  throw new Error(`Timed out waiting for Klarna events on ${orderId}; got ${JSON.stringify(events.map((e) => [e.action, e.outcome, e.message]))}`)
}
