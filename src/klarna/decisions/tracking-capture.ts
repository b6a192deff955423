import type { KlarnaShippingInfo } from "../client/schemas"

type CaptureLine = { type?: string | null; reference?: string | null }

export type CaptureForTracking = {
  capture_id: string
  captured_amount: number
  order_lines?: CaptureLine[] | null
  shipping_info?: Array<{ tracking_number?: string | null }> | null
}

export type TrackingCaptureInput = {
  /** Klarna's order amount (minor units). */
  order_amount: number
  /** Klarna's captures of the order (with their lines and shipping info, as Klarna answers them). */
  captures: CaptureForTracking[]
  /** Capture ids the Medusa payment recorded: only these back the order's items. */
  recorded_capture_ids: string[]
  /** The Klarna line references of the shipped items. */
  references: string[]
  /** The shipment's tracking, one entry per tracking number. */
  shipping_info: KlarnaShippingInfo[]
}

export type TrackingTarget = { capture_id: string; shipping_info: KlarnaShippingInfo[] }

export type TrackingCaptureDecision =
  /** The items are in no capture yet: the capture to come carries the tracking (or nothing is due). */
  | { send: false; reason: "not_captured" }
  /** Every capture of the items already has these tracking numbers (sent with the capture, or before). */
  | { send: false; reason: "already_sent"; capture_ids: string[] }
  | { send: true; targets: TrackingTarget[]; already_sent_to: string[] }

const NOT_ITEMS = new Set(["shipping_fee", "discount", "store_credit", "gift_card", "surcharge", "sales_tax"])

/**
 * Which Klarna captures a shipment's tracking belongs to:
 * 1. only captures the Medusa payment recorded count;
 * 2. each capture whose item lines carry a reference of a shipped item (a
 *    shipment spread over two captures goes to both);
 * 3. when no capture's lines name the items, the one capture that covered the
 *    whole order (an amount-only capture of everything still holds the items);
 * 4. otherwise the items are not captured: nothing to send.
 * A capture that already carries a tracking number is not sent it again.
 */
export function trackingCapture(input: TrackingCaptureInput): TrackingCaptureDecision {
  const recorded = new Set(input.recorded_capture_ids)
  const captures = input.captures.filter((c) => recorded.has(c.capture_id))
  const wanted = new Set(input.references)
  const holding = captures.filter((c) =>
    (c.order_lines ?? []).some((l) => !NOT_ITEMS.has(l.type ?? "physical") && !!l.reference && wanted.has(l.reference))
  )
  const whole = captures.length === 1 && captures[0].captured_amount >= input.order_amount ? captures : []
  const chosen = holding.length ? holding : whole
  if (!chosen.length) {
    return { send: false, reason: "not_captured" }
  }
  const targets: TrackingTarget[] = []
  const alreadySent: string[] = []
  for (const capture of chosen) {
    const known = new Set((capture.shipping_info ?? []).map((s) => s.tracking_number).filter(Boolean))
    const missing = input.shipping_info.filter((s) => !s.tracking_number || !known.has(s.tracking_number))
    if (missing.length) {
      targets.push({ capture_id: capture.capture_id, shipping_info: missing })
    } else {
      alreadySent.push(capture.capture_id)
    }
  }
  return targets.length ? { send: true, targets, already_sent_to: alreadySent } : { send: false, reason: "already_sent", capture_ids: alreadySent }
}
