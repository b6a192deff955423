import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { KlarnaSettlementTransaction } from "../../../klarna/client/settlements-schemas"
import type { MatchedOrder, MedusaCaptureRecord, MedusaRefundRecord, StoredOpenTransaction } from "../../../klarna/settlements"
import type { KlarnaPaymentData } from "../../../klarna/types/payment-data"
import { rowMinorUnits } from "../../../klarna/utils/currency"
import { KLARNA_SETTLEMENTS_MODULE, OPEN_MATCH_STATES, type KlarnaSettlementsService } from "../../../modules/klarna-settlements"
import type { ConnectionSettlements } from "../types"

const DAY_MS = 24 * 60 * 60 * 1000
/** Captures this much older than the overdue limit are still checked (an old unpaid one stays listed once flagged). */
const LOOKBACK_MARGIN_DAYS = 90

export interface SettlementFacts {
  connection: string
  captures: MedusaCaptureRecord[]
  refunds: MedusaRefundRecord[]
  orders: MatchedOrder[]
  stored_open: StoredOpenTransaction[]
  paid_out_ids: string[]
}

/**
 * Medusa's side of each connection: the captures and refunds of its payments made since the oldest
 * sale read (and at least N + 90 days back), the stored rows that did not match yet, and which of
 * those captures/refunds a stored payout already paid out.
 */
export const loadSettlementFactsStep = createStep(
  "load-klarna-settlement-facts",
  async (input: { connections: ConnectionSettlements[]; now: string; overdue_after_days: number }, { container }) => {
    const settlements = container.resolve<KlarnaSettlementsService>(KLARNA_SETTLEMENTS_MODULE)
    const facts: SettlementFacts[] = []
    for (const c of input.connections.filter((x) => !x.error)) {
      const storedRows = await settlements.listKlarnaSettlementTransactions(
        { connection: c.connection, match_state: [...OPEN_MATCH_STATES] },
        { select: ["transaction_key", "raw"] }
      )
      const stored_open = storedRows.map((r) => ({ transaction_key: r.transaction_key, transaction: r.raw as unknown as KlarnaSettlementTransaction }))
      const since = lookbackStart([...c.transactions, ...stored_open.map((s) => s.transaction)], input.now, input.overdue_after_days)
      const medusa = await loadMedusaPayments(container, c.connection, since)
      const ids = [...medusa.captures.map((x) => x.medusa_capture_id), ...medusa.refunds.map((x) => x.medusa_refund_id)]
      facts.push({ connection: c.connection, ...medusa, stored_open, paid_out_ids: await paidOutIds(settlements, c.connection, ids) })
    }
    return new StepResponse(facts)
  }
)

function lookbackStart(rows: KlarnaSettlementTransaction[], now: string, overdueDays: number): Date {
  let start = Date.parse(now) - (overdueDays + LOOKBACK_MARGIN_DAYS) * DAY_MS
  for (const t of rows) {
    const d = Date.parse(t.sale_date ?? t.capture_date ?? "")
    if (!Number.isNaN(d)) start = Math.min(start, d - 2 * DAY_MS)
  }
  return new Date(start)
}

async function loadMedusaPayments(container: MedusaContainer, providerId: string, since: Date) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: [
      "id",
      "currency_code",
      "data",
      "captures.id",
      "captures.amount",
      "captures.raw_amount",
      "captures.created_at",
      "refunds.id",
      "refunds.amount",
      "refunds.raw_amount",
      "refunds.created_at",
      "payment_collection.order.id",
      "payment_collection.order.display_id",
    ],
    filters: { provider_id: providerId, created_at: { $gte: since } } as any,
  })
  const captures: MedusaCaptureRecord[] = []
  const refunds: MedusaRefundRecord[] = []
  const orders = new Map<string, MatchedOrder>()
  for (const p of data as any[]) {
    const paymentData = (p.data ?? {}) as KlarnaPaymentData
    const order = p.payment_collection?.order
    const klarnaOrderId = paymentData.klarna_order_id
    if (!order?.id || !klarnaOrderId) continue
    const ref = { order_id: order.id, order_display_id: order.display_id ?? undefined, klarna_order_id: klarnaOrderId }
    orders.set(klarnaOrderId, ref)
    for (const c of p.captures ?? []) {
      const klarna = (paymentData.captures ?? []).find((k) => k.medusa_capture_id === c.id)
      captures.push({
        ...ref,
        medusa_capture_id: c.id,
        ...(klarna?.capture_id ? { klarna_capture_id: klarna.capture_id } : {}),
        amount: rowMinorUnits(c, p.currency_code, { missingAsZero: true }),
        currency_code: p.currency_code,
        captured_at: new Date(c.created_at).toISOString(),
      })
    }
    for (const r of p.refunds ?? []) {
      const klarna = (paymentData.refunds ?? []).find((k) => k.medusa_refund_id === r.id)
      refunds.push({
        ...ref,
        medusa_refund_id: r.id,
        ...(klarna?.refund_id ? { klarna_refund_id: klarna.refund_id } : {}),
        amount: rowMinorUnits(r, p.currency_code, { missingAsZero: true }),
        currency_code: p.currency_code,
        refunded_at: new Date(r.created_at).toISOString(),
      })
    }
  }
  return { captures, refunds, orders: [...orders.values()] }
}

async function paidOutIds(settlements: KlarnaSettlementsService, connection: string, ids: string[]): Promise<string[]> {
  const paid = new Set<string>()
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    const filters = { connection, match_state: ["matched", "amount_differs"] }
    const rows = [
      ...(await settlements.listKlarnaSettlementTransactions({ ...filters, medusa_capture_id: chunk }, { select: ["medusa_capture_id"] })),
      ...(await settlements.listKlarnaSettlementTransactions({ ...filters, medusa_refund_id: chunk }, { select: ["medusa_refund_id"] })),
    ]
    for (const r of rows) {
      if (r.medusa_capture_id) paid.add(r.medusa_capture_id)
      if (r.medusa_refund_id) paid.add(r.medusa_refund_id)
    }
  }
  return [...paid]
}
