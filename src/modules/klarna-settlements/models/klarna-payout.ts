import { model } from "@medusajs/framework/utils"

/** One Klarna (or Kustom) payout to the merchant's bank account, as the Settlements API reports it. */
export const KlarnaPayout = model
  .define("klarna_payout", {
    id: model.id({ prefix: "kpay" }).primaryKey(),
    /** The payment provider whose connection paid it out: `pp_klarna_klarna`, `pp_kustom_kustom`. */
    connection: model.text(),
    brand: model.enum(["klarna", "kustom"]),
    /** Klarna's id of the payout (the reference on the bank statement). */
    payment_reference: model.text(),
    payout_date: model.dateTime(),
    currency_code: model.text(),
    /**
     * Totals in minor units, as Klarna reports them: numeric, since a large shop's payout passes
     * what a 32-bit integer holds (21 474 836,47 SEK).
     */
    sale_amount: model.bigNumber(),
    return_amount: model.bigNumber(),
    fee_amount: model.bigNumber(),
    settlement_amount: model.bigNumber(),
    transaction_count: model.number().default(0),
    /** SALE/RETURN rows matched to a Medusa capture/refund with the same amount. */
    matched_count: model.number().default(0),
    /** SALE/RETURN rows with no Medusa capture/refund, or with a different amount. */
    unmatched_count: model.number().default(0),
    /** Klarna's payout object as read (every total, merchant id, settlement type). */
    raw: model.json(),
    synced_at: model.dateTime(),
  })
  .indexes([
    { on: ["connection", "payment_reference"], unique: true },
    { on: ["payout_date"] },
  ])
