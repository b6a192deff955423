import type { PushAttempt, SimCheckout } from "./checkout-models"
import type { SimAuthorization, SimOrder, SimSession } from "./models"

/**
 * In-memory state: Klarna payment sessions and authorization tokens, Kustom checkout orders and
 * push attempts, and the Order Management orders of both realms (each order knows its realm).
 */
export class SimStore {
  readonly sessions = new Map<string, SimSession>()
  readonly authorizations = new Map<string, SimAuthorization>()
  readonly orders = new Map<string, SimOrder>()
  readonly checkouts = new Map<string, SimCheckout>()
  readonly pushes: PushAttempt[] = []

  reset(): void {
    this.sessions.clear()
    this.authorizations.clear()
    this.orders.clear()
    this.checkouts.clear()
    this.pushes.length = 0
  }
}
