export const orderRefundLockKey = (orderId: string) => `klarna-order-refund:${orderId}`

/**
 * Seconds: how long a refund waits for the one before it, and how long a lock
 * outlives a process that died holding it.
 *
 * Medusa's refund workflow sends the refund first and records it on the order
 * (an order change for the credit line) after, without compensating the
 * refund: two refunds of one order at once make the second fail after its
 * money was sent. Refunds of one order therefore run one at a time, in every process.
 */
export const ORDER_REFUND_LOCK = { timeout: 120, expire: 300 }
