export interface NotificationRateLimits {
  /** At most one notification per Klarna order is let through in this interval. */
  perOrderIntervalMs: number
  /** At most this many notifications (all orders together) per minute. */
  perMinute: number
}

export const DEFAULT_NOTIFICATION_RATE_LIMITS: NotificationRateLimits = { perOrderIntervalMs: 10_000, perMinute: 60 }

export type NotificationAdmission = { admitted: true } | { admitted: false; retry_after_ms: number }

const MINUTE = 60_000

/**
 * Bounds the Klarna reads that unsigned notifications can cause: each one let
 * through leads to a few reads of the order from Klarna, so a flood of them
 * for one order, or for many, must not turn into a flood of Klarna requests.
 * In memory, per process: state is tiny and bounded (only admitted orders are
 * remembered, at most `perMinute` a minute, for `perOrderIntervalMs`).
 */
export class NotificationRateLimiter {
  private readonly lastByOrder = new Map<string, number>()
  private readonly admittedAt: number[] = []

  constructor(
    private readonly limits: NotificationRateLimits = DEFAULT_NOTIFICATION_RATE_LIMITS,
    private readonly now: () => number = Date.now
  ) {}

  admit(klarnaOrderId: string): NotificationAdmission {
    const t = this.now()
    this.forgetBefore(t)
    const last = this.lastByOrder.get(klarnaOrderId)
    if (last !== undefined) {
      return { admitted: false, retry_after_ms: last + this.limits.perOrderIntervalMs - t }
    }
    if (this.admittedAt.length >= this.limits.perMinute) {
      return { admitted: false, retry_after_ms: this.admittedAt[0] + MINUTE - t }
    }
    this.lastByOrder.set(klarnaOrderId, t)
    this.admittedAt.push(t)
    return { admitted: true }
  }

  private forgetBefore(t: number) {
    while (this.admittedAt.length && this.admittedAt[0] <= t - MINUTE) {
      this.admittedAt.shift()
    }
    // Map iteration is in insertion order, which is admission order.
    for (const [id, at] of this.lastByOrder) {
      if (at > t - this.limits.perOrderIntervalMs) break
      this.lastByOrder.delete(id)
    }
  }
}

/** The process-wide limiter the notification route uses. */
export const klarnaNotificationRateLimiter = new NotificationRateLimiter()
