import { model } from "@medusajs/framework/utils"

/**
 * A Klarna capture sent but not yet answered. While a row exists for a Klarna
 * order, the plugin does not trust its own picture of that order: the write
 * may have reached Klarna although no answer came back (a lost response, a
 * timeout, a process killed mid-call), so the next capture reads Klarna first.
 */
export const KlarnaPendingWrite = model
  .define("klarna_pending_write", {
    id: model.id({ prefix: "kpw" }).primaryKey(),
    klarna_order_id: model.text(),
    operation: model.text(),
    idempotency_key: model.text(),
    /** minor units */
    amount: model.number(),
  })
  .indexes([{ on: ["klarna_order_id"] }])
