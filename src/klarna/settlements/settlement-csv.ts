/**
 * The reconciliation as CSV, one line per settlement transaction. Money is written in the
 * currency's major units with its ISO 4217 exponent, converted exactly from the integer minor
 * units (never through a float): 12345 SEK → "123.45", 500 JPY → "500", 1234 KWD → "1.234".
 */
import type { KlarnaPayout } from "../client/settlements-schemas"
import { fromMinorUnitsToString } from "../utils/currency"
import { csvDocument } from "./csv"
import type { TransactionMatch } from "./types"
import { MathBN } from "@medusajs/framework/utils"
import { BASIS_POINTS_PER_PERCENT } from "../validation/order-line-rules"

export const SETTLEMENT_CSV_COLUMNS = [
  "payout_reference",
  "payout_date",
  "currency_code",
  "type",
  "detailed_type",
  "klarna_order_id",
  "medusa_order_id",
  "medusa_order_display_id",
  "klarna_capture_id",
  "medusa_capture_id",
  "klarna_refund_id",
  "medusa_refund_id",
  /** The row's amount as Klarna reports it. */
  "amount",
  /** On a SALE row: Klarna's FEE rows for the same capture in the same payout (those rows are listed too). */
  "fee_amount",
  "vat_amount",
  /** Percent, from Klarna's basis points (2500 → 25.00). */
  "vat_rate",
  /** Medusa's amount of the matched capture/refund, in Medusa's currency. */
  "medusa_amount",
  "match_state",
  "matched_by",
  "duplicate",
] as const

/** Klarna's VAT rate (basis points) as a percentage with two decimals, exactly (−1250 → "-12.50"). */
export function vatRatePercentText(bp: number): string {
  return MathBN.convert(bp).dividedBy(BASIS_POINTS_PER_PERCENT).toFixed(2)
}

const feeKey = (ref: string | undefined, captureId: string) => `${ref ?? ""}\u0000${captureId}`

/** Σ |FEE| per (payout, capture id). */
function feesByCapture(matches: readonly TransactionMatch[]): Map<string, number> {
  const fees = new Map<string, number>()
  for (const { transaction: t } of matches) {
    if (t.type !== "FEE" || !t.capture_id) continue
    const key = feeKey(t.payment_reference, t.capture_id)
    fees.set(key, (fees.get(key) ?? 0) + Math.abs(t.amount))
  }
  return fees
}

export function settlementCsvRows(matches: readonly TransactionMatch[], payouts: readonly KlarnaPayout[] = []): string[][] {
  const payoutDate = new Map(payouts.map((p) => [p.payment_reference, p.payout_date]))
  const fees = feesByCapture(matches)
  return matches.map((m) => {
    const t = m.transaction
    const money = (minor: number | undefined, currency = t.currency_code) =>
      minor === undefined ? "" : fromMinorUnitsToString(minor, currency)
    const fee = t.type === "SALE" && t.capture_id ? fees.get(feeKey(t.payment_reference, t.capture_id)) : undefined
    return [
      t.payment_reference ?? "",
      (t.payment_reference && payoutDate.get(t.payment_reference)) ?? "",
      t.currency_code,
      t.type,
      t.detailed_type ?? "",
      t.order_id ?? m.order?.klarna_order_id ?? "",
      m.order?.order_id ?? "",
      m.order?.order_display_id !== undefined ? String(m.order.order_display_id) : "",
      t.capture_id ?? "",
      m.medusa_capture_id ?? "",
      t.refund_id ?? "",
      m.medusa_refund_id ?? "",
      money(t.amount),
      money(fee),
      money(t.vat_amount),
      t.vat_rate === undefined ? "" : vatRatePercentText(t.vat_rate),
      money(m.medusa_amount, m.medusa_currency_code),
      m.state,
      m.matched_by ?? "",
      m.duplicate ? "yes" : "",
    ]
  })
}

export function settlementCsv(matches: readonly TransactionMatch[], payouts: readonly KlarnaPayout[] = []): string {
  return csvDocument(SETTLEMENT_CSV_COLUMNS, settlementCsvRows(matches, payouts))
}
