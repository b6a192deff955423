import type { SimContext } from "../context"
import { expandUrl, postJson, type DeliveryResult } from "../notify"
import type { SimOrder } from "../state/models"
import { iso, newId } from "../state/ids"
import { autoCapture } from "./authorizations"

export type FraudDecision = "ACCEPTED" | "REJECTED" | "STOPPED"

const EVENT: Record<FraudDecision, string> = {
  ACCEPTED: "FRAUD_RISK_ACCEPTED",
  REJECTED: "FRAUD_RISK_REJECTED",
  STOPPED: "FRAUD_RISK_STOPPED",
}

/**
 * Klarna's manual fraud review finished. STOPPED has no fraud_status of its own in Klarna's
 * enum; the order reads as REJECTED and is never capturable.
 */
export async function decideFraud(ctx: SimContext, order: SimOrder, decision: FraudDecision): Promise<DeliveryResult> {
  order.fraud_status = decision === "ACCEPTED" ? "ACCEPTED" : "REJECTED"
  order.sim.fraud_stopped = decision === "STOPPED"
  if (decision === "ACCEPTED" && order.sim.auto_capture && order.captures.length === 0 && order.status === "AUTHORIZED") {
    autoCapture(ctx, order)
  }

  const template = order.merchant_urls?.notification
  if (!template) return { delivered: false }
  const url = expandUrl(template, { sessionId: order.sim.session_id, orderId: order.order_id })
  const event_type = EVENT[decision]
  const result = await postJson(
    url,
    { order_id: order.order_id, event_id: newId(), event_type, timestamp: iso(ctx.now()) },
    ctx.config.notificationTimeoutMs
  )
  order.sim.notifications.push({ url, event_type, at: iso(ctx.now()), ...result })
  return result
}
