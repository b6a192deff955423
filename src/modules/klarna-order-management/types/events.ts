export const KLARNA_EVENT_ACTIONS = [
  "authorize",
  "capture",
  "cancel",
  "update",
  "refund",
  "sync",
  "extend",
  "release",
  "webhook",
  "error",
  "shipping_info",
  "merchant_references",
  "customer_details",
  "automation",
  "settlement",
] as const
export const KLARNA_EVENT_OUTCOMES = ["succeeded", "failed", "skipped", "pending_retry", "needs_attention", "dismissed", "running"] as const

export type KlarnaEventAction = (typeof KLARNA_EVENT_ACTIONS)[number]
export type KlarnaEventOutcome = (typeof KLARNA_EVENT_OUTCOMES)[number]

export interface KlarnaEventInput {
  order_id: string
  payment_id?: string | null
  action: KlarnaEventAction
  outcome: KlarnaEventOutcome
  message: string
  amount?: number | null
  currency_code?: string | null
  klarna_order_id?: string | null
  klarna_capture_id?: string | null
  klarna_refund_id?: string | null
  klarna_reference?: string | null
  correlation_id?: string | null
  error_code?: string | null
  actor?: string
  /** Identifies the automatic action, so a retry updates the same entry. */
  operation_key?: string | null
  attempts?: number
  next_attempt_at?: Date | null
  payload?: Record<string, unknown> | null
  /**
   * Whether the entry is listed as needing the merchant. Defaults to true for
   * `needs_attention` and `pending_retry`, false otherwise; the automation
   * runner sets it for failures nobody saw.
   */
  attention?: boolean
}
