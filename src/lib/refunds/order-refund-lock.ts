import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * Medusa's refund workflow sends the refund first and records it on the order
 * (an order change for the credit line) after, without compensating the
 * refund: two refunds of one order at once make the second fail after its money
 * was sent. Refunds of one order therefore run one at a time, in every process.
 */
export async function withOrderRefundLock<T>(container: MedusaContainer, orderId: string, job: () => Promise<T>): Promise<T> {
  const locking = container.resolve(Modules.LOCKING)
  return await locking.execute(`klarna-order-refund:${orderId}`, job, { timeout: 120, expire: 300 })
}
