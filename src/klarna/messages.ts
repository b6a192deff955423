import { formatMinorUnits } from "./utils/currency"
import type { KlarnaPaymentMethod } from "./types/payment-data"

const METHOD_NAMES: Record<KlarnaPaymentMethod, string> = {
  klarna_checkout: "Klarna Checkout",
  pay_later: "pay later",
  pay_over_time: "pay over time",
  pay_now: "pay now",
}

const TOGGLE_NAMES = {
  capture_on_complete: "on order completion",
  cancel_on_cancel: "on order cancellation",
  update_on_edit: "on order update",
  extend_before_expiry: "before a reservation expires",
  tracking_after_capture: "for tracking after capture",
  merchant_references: "for merchant references",
  address_to_klarna: "on shipping address edits",
} as const

/** Why an automation did not act: its toggle for the payment method, or the merchant left this order alone. */
export type AutomationBlock = { by: "toggle" } | { by: "order"; reason: string | null; changed_by: string | null }

export const methodName = (m: KlarnaPaymentMethod | undefined) => METHOD_NAMES[m ?? "pay_later"]

/** The event-log texts, in the WooCommerce Klarna plugin's vocabulary where it has one. */
export const klarnaMessages = {
  toggleOff: (toggle: keyof typeof TOGGLE_NAMES, method: KlarnaPaymentMethod | undefined, what: string) =>
    `Klarna order management ${TOGGLE_NAMES[toggle]} is off for ${methodName(method)}: ${what}`,
  orderLeftAlone: (what: string, reason: string | null, by: string | null) =>
    `Automatic Klarna management is off for this order${by ? ` (switched off by ${by}` : ""}${reason ? `${by ? ": " : " ("}${reason}` : ""}${by || reason ? ")" : ""}: ${what}`,
  automationOff: (block: AutomationBlock, toggle: keyof typeof TOGGLE_NAMES, method: KlarnaPaymentMethod | undefined, what: string) =>
    block.by === "order" ? klarnaMessages.orderLeftAlone(what, block.reason, block.changed_by) : klarnaMessages.toggleOff(toggle, method, what),
  automationSwitched: (enabled: boolean, by: string | null, reason: string | null) =>
    `Automatic Klarna management switched ${enabled ? "back on" : "off"} by ${by ?? "an admin"}${reason ? `: ${reason}` : ""}`,
  missingOrderId: (verb: string) => `Klarna order ID is missing, Klarna order could not be ${verb} at this time.`,
  captured: (amount: number, currency: string, captureId: string, reference?: string) =>
    `Klarna order captured. Capture amount: ${formatMinorUnits(amount, currency)}. Capture ID: ${captureId}.` +
    (reference ? ` Klarna reference: ${reference}.` : ""),
  alreadyCaptured: (at?: string) => `Klarna order has already been captured${at ? ` on ${at.slice(0, 10)}` : ""}.`,
  adoptedCapture: (amount: number, currency: string, captureId: string) =>
    `Klarna order has already been captured in Klarna (${formatMinorUnits(amount, currency)}, capture ID ${captureId}); the capture was recorded in Medusa.`,
  pendingReview: () => "Klarna order is pending review and could not be captured at this time.",
  fraudRejected: (reference?: string) =>
    `Klarna has identified this order${reference ? ` (Klarna reference ${reference})` : ""} as high risk and requests that you do not ship it. Please contact the Klarna Fraud Team to resolve.`,
  cancelledBeforeCapture: () => "Klarna order failed to capture, the order has already been canceled.",
  expired: (at?: string) => `The Klarna authorization expired${at ? ` on ${at.slice(0, 10)}` : ""}; the order can no longer be captured.`,
  nothingToCapture: () => "Klarna order has already been captured.",
  cancelled: () => "Klarna order cancellation completed",
  alreadyCancelled: () => "Klarna order has already been cancelled.",
  released: (amount: number, currency: string) =>
    `Remaining Klarna authorization released: ${formatMinorUnits(amount, currency)} will not be charged.`,
  cannotCancelCaptured: () => "The Klarna order cannot be cancelled due to it already being captured.",
  updated: (amount: number, currency: string) => `Klarna order updated. New order amount: ${formatMinorUnits(amount, currency)}.`,
  merchantReferencesSet: (body: { merchant_reference1?: string; merchant_reference2?: string }) =>
    `Klarna merchant references updated: ${[
      body.merchant_reference1 !== undefined ? `merchant_reference1 ${body.merchant_reference1}` : "",
      body.merchant_reference2 !== undefined ? `merchant_reference2 ${body.merchant_reference2}` : "",
    ]
      .filter(Boolean)
      .join(", ")}.`,
  notReservation: () => "Could not update Klarna order: the order is no longer a reservation in Klarna (it has captures).",
  restored: (amount: number, currency: string) =>
    `The order change was not confirmed in Medusa, so the Klarna order was put back as it was. Order amount: ${formatMinorUnits(amount, currency)}.`,
  extended: (expiresAt?: string) => `Klarna authorization time extended${expiresAt ? ` until ${expiresAt.slice(0, 10)}` : ""}.`,
  trackingSent: (numbers: string[], captureIds: string[]) =>
    `Tracking ${numbers.length === 1 ? "number" : "numbers"} ${numbers.join(", ")} added to Klarna ${captureIds.length === 1 ? "capture" : "captures"} ${captureIds.join(", ")}.`,
  failed: (what: string, reason: string) => `Could not ${what} Klarna order. ${reason}`,
  captureStillRunning: (until: string) =>
    `Another capture of this order has not finished yet; the capture is tried again after ${until.slice(11, 19)} UTC.`,
  resumedAfterInterruption: (abandoned: number, recorded: number) =>
    [
      abandoned ? `A capture interrupted before Klarna's answer reached Medusa was resumed (Klarna's order was read, so nothing is captured twice).` : "",
      recorded ? `A capture Klarna had made was recorded on the order.` : "",
    ]
      .filter(Boolean)
      .join(" "),
  inProgress: (what: string) =>
    // Verbs are phrased to read "Could not <verb> Klarna order"; a one-word verb also names the action.
    `${/\s/.test(what) ? `${what[0].toUpperCase()}${what.slice(1)} Klarna order:` : `Klarna ${what}`} in progress; if it is interrupted, it is resumed automatically.`,
  retrying: (what: string, reason: string, at: Date) =>
    `Could not ${what} Klarna order yet: ${reason} Retrying automatically at ${at.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
  dismissed: (note: string, was: string) => `Dismissed with the note "${note}". It was: ${was}`,
  gaveUp: (what: string, reason: string, attempts: number) =>
    `Could not ${what} Klarna order after ${attempts} attempts: ${reason} This needs your attention.`,
}
