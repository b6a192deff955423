import { model } from "@medusajs/framework/utils"
import { KLARNA_EVENT_ACTIONS, KLARNA_EVENT_OUTCOMES } from "../types/events"

/** One entry of an order's Klarna event log (WooCommerce's order notes). */
export const KlarnaEvent = model
  .define("klarna_event", {
    id: model.id({ prefix: "kev" }).primaryKey(),
    order_id: model.text().index(),
    payment_id: model.text().nullable(),
    action: model.enum([...KLARNA_EVENT_ACTIONS]),
    outcome: model.enum([...KLARNA_EVENT_OUTCOMES]),
    message: model.text(),
    amount: model.number().nullable(),
    currency_code: model.text().nullable(),
    klarna_order_id: model.text().nullable(),
    klarna_capture_id: model.text().nullable(),
    klarna_refund_id: model.text().nullable(),
    klarna_reference: model.text().nullable(),
    correlation_id: model.text().nullable(),
    error_code: model.text().nullable(),
    actor: model.text().default("automation"),
    operation_key: model.text().nullable(),
    attempts: model.number().default(1),
    next_attempt_at: model.dateTime().nullable(),
    payload: model.json().nullable(),
    /** Listed under "needs attention" (GET /admin/klarna/attention) until resolved. */
    attention: model.boolean().default(false),
    resolved_at: model.dateTime().nullable(),
    /** `user:<id>` of the admin who dismissed it. */
    resolved_by: model.text().nullable(),
    resolution_note: model.text().nullable(),
  })
  .indexes([
    { on: ["outcome", "next_attempt_at"] },
    // One logical action, one entry: retries and duplicates update it.
    { on: ["operation_key"], unique: true, where: "operation_key IS NOT NULL" },
    { on: ["attention", "resolved_at"] },
  ])
