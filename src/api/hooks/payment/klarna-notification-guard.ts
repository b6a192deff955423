import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { klarnaNotificationRateLimiter } from "../../../klarna/decisions/notification-rate-limit"
import { parseKlarnaWebhook } from "../../../klarna/decisions/webhook-payload"

/**
 * Klarna's notifications are unsigned, so Medusa's webhook route is open to
 * anyone, and each notification it queues leads to reads of the order from
 * Klarna. Before that: a body naming no Klarna order (a UUID) is a 400, and
 * past the rate limits the answer is 429 with Retry-After rather than 200, so
 * a genuine notification that was held back is sent again, not lost.
 */
export function guardKlarnaNotification(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const notice = parseKlarnaWebhook(req.body)
  if (!notice) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Not a Klarna notification: expected a JSON body with the Klarna order_id (a UUID)."
    )
  }
  const admission = klarnaNotificationRateLimiter.admit(notice.order_id)
  if (!admission.admitted) {
    res.setHeader("Retry-After", String(Math.max(1, Math.ceil(admission.retry_after_ms / 1000))))
    res.status(429).json({ type: "too_many_requests", message: "Too many Klarna notifications at once; send this one again later." })
    return
  }
  next()
}
