import { model } from "@medusajs/framework/utils"
import { SETTLEMENT_MATCH_STATES } from "../types/match-states"

/** One row of a payout (SALE, RETURN, FEE, …) and the Medusa order, capture or refund it was matched to. */
export const KlarnaSettlementTransaction = model
  .define("klarna_settlement_transaction", {
    id: model.id({ prefix: "kstx" }).primaryKey(),
    connection: model.text(),
    /**
     * Klarna's rows have no id: a hash of the row's fields plus its position among identical rows
     * of the payout, so reading the payout again finds the same row.
     */
    transaction_key: model.text(),
    payout_id: model.text().index(),
    payment_reference: model.text(),
    type: model.text(),
    detailed_type: model.text().nullable(),
    /** Minor units, as Klarna reports them (positive; the type says the direction). Numeric, as the payout's totals. */
    amount: model.bigNumber(),
    /** On a SALE row: Klarna's FEE rows for the same capture in the same payout. */
    fee_amount: model.bigNumber().nullable(),
    currency_code: model.text(),
    klarna_order_id: model.text().nullable(),
    klarna_capture_id: model.text().nullable(),
    klarna_refund_id: model.text().nullable(),
    capture_date: model.dateTime().nullable(),
    sale_date: model.dateTime().nullable(),
    medusa_order_id: model.text().nullable(),
    medusa_order_display_id: model.text().nullable(),
    medusa_capture_id: model.text().nullable(),
    medusa_refund_id: model.text().nullable(),
    match_state: model.enum([...SETTLEMENT_MATCH_STATES]),
    matched_by: model.text().nullable(),
    /** Medusa's amount of the matched capture/refund, minor units. */
    medusa_amount: model.bigNumber().nullable(),
    /** |Klarna's amount| − Medusa's amount. */
    difference: model.bigNumber().nullable(),
    duplicate: model.boolean().default(false),
    /** Klarna's row as read: reconciled again on later syncs while it does not match. */
    raw: model.json(),
  })
  .indexes([
    { on: ["connection", "transaction_key"], unique: true },
    { on: ["medusa_order_id"] },
    { on: ["medusa_capture_id"] },
    { on: ["medusa_refund_id"] },
    { on: ["match_state"] },
  ])
