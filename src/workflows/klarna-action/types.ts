import type { KlarnaEventAction, KlarnaEventInput } from "../../modules/klarna-order-management/types/events"

/**
 * What one Klarna action did, as its event-log entry says it. `order_id` moves
 * the entry to another order (a recovered checkout's entry moves from the cart
 * to the order it became). Null: nothing to record (not a Klarna order).
 */
export type KlarnaActionResult =
  | (Omit<KlarnaEventInput, "order_id" | "action" | "actor" | "operation_key" | "attempts" | "payload"> & {
      order_id?: string
      /** An event to emit once the entry is written, its data with the entry's id as `event_id` (work left for after the answer). */
      follow_up?: { event: string; data: Record<string, unknown> } | null
    })
  | null

/** A Klarna action: the workflow that does it, and how the event log names it. */
export interface KlarnaAction {
  /** Id of a workflow whose result is a `KlarnaActionResult`. */
  workflow_id: string
  action: KlarnaEventAction
  /** Verb for messages: "capture", "cancel", … */
  verb: string
  /**
   * The workflow guards on the state the plugin last knew of Klarna's order;
   * when Klarna refuses, it runs once more with `read_klarna` so its guards say
   * why on Klarna's live order.
   */
  recheck_on_refusal?: boolean
}

export interface RunKlarnaActionInput extends KlarnaAction {
  order_id: string
  input: Record<string, unknown>
  /** Same key for the same logical action: a retry updates its event-log entry. */
  operation_key: string
  actor?: string
  attempt?: number
}

/** What the event log keeps to run an action again (the retry job, Retry on the attention list). */
export type KlarnaActionPayload = { workflow_id: string; verb: string; recheck_on_refusal?: boolean; input: Record<string, unknown> }
