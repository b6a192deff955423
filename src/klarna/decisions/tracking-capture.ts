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
  /**
   * Each shipment captures its own items (completion trigger shipment.created)
   * and the payment is not captured in full: this shipment's capture is due
   * and carries the tracking (it may not have been made yet).
   */
  shipment_captures?: boolean
}

export type TrackingTarget = { capture_id: string; shipping_info: KlarnaShippingInfo[] }

export type TrackingCaptureDecision =
  /** The items are in no capture yet: the capture to come carries the tracking (or nothing is due). */
  | { send: false; reason: "not_captured" }
  /** Klarna's captures already carry every one of these tracking numbers (sent with a capture, or before). */
  | { send: false; reason: "already_sent" }
  | { send: true; targets: TrackingTarget[] }

const NOT_ITEMS = new Set(["shipping_fee", "discount", "store_credit", "gift_card", "surcharge", "sales_tax"])

/**
 * Which Klarna captures a shipment's tracking belongs to:
 * 1. only captures the Medusa payment recorded count;
 * 2. each capture whose item lines carry a reference of a shipped item (a
 *    shipment spread over two captures goes to both);
 * 3. when no capture's lines name the items, the one capture that covered the
 *    whole order (an amount-only capture of everything still holds the items);
 * 4. otherwise the items are not captured: nothing to send.
 * A tracking number any of the order's captures already carries is known to
 * Klarna (a shipment's own capture carried it): it is sent nowhere else, so an
 * earlier capture of the same SKU never takes the next parcel's number. While
 * each shipment's own capture is still to come, nothing is sent.
 */
export function trackingCapture(input: TrackingCaptureInput): TrackingCaptureDecision {
  if (input.shipment_captures) {
    return { send: false, reason: "not_captured" }
  }
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
  const known = new Set(captures.flatMap((c) => (c.shipping_info ?? []).map((s) => s.tracking_number)).filter(Boolean))
  const missing = input.shipping_info.filter((s) => !s.tracking_number || !known.has(s.tracking_number))
  if (!missing.length) {
    return { send: false, reason: "already_sent" }
  }
  return { send: true, targets: chosen.map((c) => ({ capture_id: c.capture_id, shipping_info: missing })) }
}
