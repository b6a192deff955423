import type { SimulatorConfig } from "../config"
import { expandUrl, postCallback, type CallbackResult } from "../notify"
import type { PushAttempt } from "../state/checkout-models"
import { iso } from "../state/ids"
import type { SimStore } from "../state/store"

/**
 * Kustom's push: after a purchase, an empty POST to merchant_urls.push at each configured delay
 * (counted from completion) until the order is acknowledged (acknowledge or a capture).
 * One timer per order at a time; the next is armed only after the previous push has finished.
 */
export class PushScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>()
  /** Bumped by clear(): pushes in flight from before a reset neither record nor re-arm. */
  private epoch = 0

  constructor(
    private readonly store: SimStore,
    private readonly config: SimulatorConfig
  ) {}

  start(orderId: string): void {
    const { pushInitialDelayMs, pushScheduleMs } = this.config.kustom
    const delays = [pushInitialDelayMs, ...pushScheduleMs].sort((a, b) => a - b)
    const startedAt = Date.now()
    const epoch = this.epoch

    const arm = (i: number): void => {
      if (i >= delays.length || epoch !== this.epoch) {
        this.timers.delete(orderId)
        return
      }
      const timer = setTimeout(async () => {
        if (!this.awaitsAcknowledgement(orderId)) {
          this.timers.delete(orderId)
          return
        }
        await this.push(orderId, "schedule")
        arm(i + 1)
      }, Math.max(0, startedAt + delays[i] - Date.now()))
      timer.unref()
      this.timers.set(orderId, timer)
    }
    arm(0)
  }

  /** Orders that still have a push series armed (for the control API and tests). */
  pending(): string[] {
    return [...this.timers.keys()]
  }

  /** One push now; recorded in the store's push log. */
  async push(orderId: string, trigger: PushAttempt["trigger"]): Promise<CallbackResult> {
    const order = this.store.orders.get(orderId)
    const template = order?.realm === "kustom" ? order.merchant_urls?.push : undefined
    if (typeof template !== "string") return { delivered: false, error: "order has no merchant_urls.push" }
    const url = expandUrl(template, { orderId })
    const epoch = this.epoch
    const at = iso(Date.now())
    const result = await postCallback(url, undefined, this.config.notificationTimeoutMs)
    if (epoch === this.epoch) this.store.pushes.push({ order_id: orderId, url, at, trigger, ...result })
    return result
  }

  /** Stops every push series (reset, close). */
  clear(): void {
    this.epoch++
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }

  private awaitsAcknowledgement(orderId: string): boolean {
    const order = this.store.orders.get(orderId)
    return order !== undefined && order.realm === "kustom" && !order.sim.acknowledged
  }
}
