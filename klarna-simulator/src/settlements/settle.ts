/**
 * Pays out every capture and refund not yet paid out whose date + payoutDelayDays is at or before
 * `until`: one payout per realm and currency (Klarna and Kustom pay their own orders), with a SALE
 * row and its FEE rows per capture and a RETURN row per refund. Amounts are positive; the type
 * says the direction, and the payout's settlement_amount = sales − returns − fees.
 */
import { randomInt } from "node:crypto"
import { DAY } from "../config"
import type { SimContext } from "../context"
import type { Realm } from "../realm"
import { iso } from "../state/ids"
import type { SimCapture, SimOrder, SimRefund } from "../state/models"
import { percentageFee } from "./fees"
import type { PayoutTotals, SimPayout, SimSettlementTransaction } from "./models"

type Row = Omit<SimSettlementTransaction, "payment_reference">

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

function newPaymentReference(taken: (ref: string) => boolean): string {
  for (;;) {
    let ref = ""
    for (let i = 0; i < 8; i++) ref += ALPHABET[randomInt(ALPHABET.length)]
    if (!taken(ref)) return ref
  }
}

function orderFields(order: SimOrder) {
  return {
    realm: order.realm,
    currency_code: order.purchase_currency,
    order_id: order.order_id,
    short_order_id: order.klarna_reference,
    sale_date: order.created_at,
    purchase_country: order.purchase_country,
    merchant_reference1: order.merchant_reference1,
    merchant_reference2: order.merchant_reference2,
    initial_payment_method_type: order.initial_payment_method.type,
  }
}

function saleRows(ctx: SimContext, order: SimOrder, c: SimCapture): Row[] {
  const base = { ...orderFields(order), capture_id: c.capture_id, capture_date: c.captured_at }
  const rows: Row[] = [
    { ...base, type: "SALE", detailed_type: "PURCHASE", amount: c.captured_amount, merchant_capture_reference: c.reference },
  ]
  const { config } = ctx.settlements
  const pct = percentageFee(c.captured_amount, config)
  if (pct > 0) rows.push({ ...base, type: "FEE", detailed_type: "PURCHASE_FEE_PERCENTAGE", amount: pct })
  if (config.fixedFeeMinor > 0) rows.push({ ...base, type: "FEE", detailed_type: "PURCHASE_FEE_FIXED", amount: config.fixedFeeMinor })
  return rows
}

function returnRow(order: SimOrder, r: SimRefund): Row {
  return {
    ...orderFields(order),
    type: "RETURN",
    detailed_type: "PURCHASE_RETURN",
    amount: r.refunded_amount,
    capture_id: "",
    refund_id: r.refund_id,
    capture_date: r.refunded_at,
    merchant_refund_reference: r.reference,
  }
}

export function payoutTotals(rows: Row[]): PayoutTotals {
  const sum = (type: Row["type"]) => rows.filter((r) => r.type === type).reduce((s, r) => s + r.amount, 0)
  const sale_amount = sum("SALE")
  const return_amount = sum("RETURN")
  const fee_amount = sum("FEE")
  return {
    commission_amount: 0,
    repay_amount: 0,
    sale_amount,
    holdback_amount: 0,
    tax_amount: 0,
    settlement_amount: sale_amount - return_amount - fee_amount,
    fee_correction_amount: 0,
    reversal_amount: 0,
    release_amount: 0,
    return_amount,
    fee_amount,
    charge_amount: 0,
    credit_amount: 0,
    fee_refund_amount: 0,
    tax_refund_amount: 0,
    deposit_amount: 0,
    opening_debt_balance_amount: 0,
    closing_debt_balance_amount: 0,
  }
}

const merchantId = (ctx: SimContext, realm: Realm): string => {
  const creds = realm === "kustom" ? ctx.config.kustom.credentials : ctx.config.credentials
  return creds[0]?.username.split("_")[0] ?? realm
}

export function settlePayouts(ctx: SimContext, untilMs: number): SimPayout[] {
  const { store } = ctx.settlements
  const due = (at: string) => Date.parse(at) + ctx.settlements.config.payoutDelayDays * DAY <= untilMs
  const groups = new Map<string, Row[]>()
  const add = (rows: Row[]) => {
    const key = `${rows[0].realm}|${rows[0].currency_code}`
    groups.set(key, [...(groups.get(key) ?? []), ...rows])
  }

  for (const order of ctx.store.orders.values()) {
    for (const c of order.captures) {
      if (store.settled.has(c.capture_id) || !due(c.captured_at)) continue
      store.settled.add(c.capture_id)
      add(saleRows(ctx, order, c))
    }
    for (const r of order.refunds) {
      if (store.settled.has(r.refund_id) || !due(r.refunded_at)) continue
      store.settled.add(r.refund_id)
      add([returnRow(order, r)])
    }
  }

  const created: SimPayout[] = []
  for (const key of [...groups.keys()].sort()) {
    const rows = groups.get(key)!
    const { realm, currency_code } = rows[0]
    const payment_reference = newPaymentReference((ref) => store.payouts.some((p) => p.payment_reference === ref))
    const payout: SimPayout = {
      realm,
      payment_reference,
      payout_date: iso(untilMs),
      currency_code,
      merchant_settlement_type: "NET",
      merchant_id: merchantId(ctx, realm),
      totals: payoutTotals(rows),
    }
    store.payouts.push(payout)
    store.transactions.push(...rows.map((r) => ({ ...r, payment_reference })))
    created.push(payout)
  }
  return created
}
