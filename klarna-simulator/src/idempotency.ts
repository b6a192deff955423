import type { SimResponse } from "./http/sim-response"

interface Entry {
  response: SimResponse
  expiresAt: number
}

/**
 * Klarna-Idempotency-Key cache. Klarna executes an operation once per key (per merchant) within
 * 24 h and answers any repeat with the first response, whatever the repeat's body.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly ttlMs: number) {}

  private static id(principal: string, key: string): string {
    return `${principal}\u0000${key}`
  }

  get(principal: string, key: string, now = Date.now()): SimResponse | undefined {
    const id = IdempotencyStore.id(principal, key)
    const entry = this.entries.get(id)
    if (!entry) return undefined
    if (entry.expiresAt <= now) {
      this.entries.delete(id)
      return undefined
    }
    return entry.response
  }

  set(principal: string, key: string, response: SimResponse, now = Date.now()): void {
    this.entries.set(IdempotencyStore.id(principal, key), { response, expiresAt: now + this.ttlMs })
  }

  /** 5xx and 429 are never stored: the client must be able to retry them. */
  static isStorable(response: SimResponse): boolean {
    return response.status < 500 && response.status !== 429
  }

  clear(): void {
    this.entries.clear()
  }
}
