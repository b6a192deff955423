import type { SimAuthorization, SimOrder, SimSession } from "./models"

/** In-memory Klarna state: payment sessions, authorization tokens and OM orders. */
export class SimStore {
  readonly sessions = new Map<string, SimSession>()
  readonly authorizations = new Map<string, SimAuthorization>()
  readonly orders = new Map<string, SimOrder>()

  reset(): void {
    this.sessions.clear()
    this.authorizations.clear()
    this.orders.clear()
  }
}
