import { expiryDay } from "./decisions/authorization-expiry"

/** The event-log texts about a Klarna reservation running out, for the merchant. */
export const expiryMessages = {
  /** `order` names it as the merchant knows it: "order #12". */
  cannotExtend: (order: string, expiresAt: string, why: string) =>
    `Klarna reservation of ${order} expires on ${expiryDay(expiresAt)} and cannot be extended (${why}): capture what you can ship before then.`,
  capReached: (maxExpiresAt: string) => `Klarna extends a reservation until at most ${expiryDay(maxExpiresAt)}, 180 days after the purchase`,
  refused: (reason: string) => `Klarna refused the extension: ${reason}`,
  notExtended: (order: string, expiresAt: string) =>
    `the Klarna reservation of ${order} expires on ${expiryDay(expiresAt)} and is not extended automatically: capture what you can ship before then.`,
  expired: (order: string, expiresAt: string) =>
    `Klarna reservation of ${order} expired on ${expiryDay(expiresAt)}: it can no longer be captured. Ask the customer to pay again for what you still ship.`,
}

/** How the merchant knows the order. */
export const orderName = (order: { id: string; display_id?: number | null }) => (order.display_id ? `order #${order.display_id}` : `order ${order.id}`)
