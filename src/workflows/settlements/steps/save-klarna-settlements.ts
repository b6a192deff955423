import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { KlarnaPayout } from "../../../klarna/client/settlements-schemas"
import type { PlannedTransaction } from "../../../klarna/settlements"
import type { ProviderBrand } from "../../../klarna/types/options"
import {
  KLARNA_SETTLEMENTS_MODULE,
  type KlarnaPayoutRow,
  type KlarnaSettlementsService,
  type KlarnaSettlementTransactionRow,
} from "../../../modules/klarna-settlements"

export interface SaveKlarnaSettlementsInput {
  connection: string
  brand: ProviderBrand
  payouts: KlarnaPayout[]
  transactions: PlannedTransaction[]
  synced_at: string
}

type Undo = {
  created_payouts: string[]
  created_transactions: string[]
  updated_payouts: Partial<KlarnaPayoutRow>[]
  updated_transactions: Partial<KlarnaSettlementTransactionRow>[]
}

const PAYOUT_FIELDS = ["id", "sale_amount", "return_amount", "fee_amount", "settlement_amount", "transaction_count", "matched_count", "unmatched_count", "raw", "synced_at", "payout_date", "currency_code"] as const
const TRANSACTION_FIELDS = [
  "id", "medusa_order_id", "medusa_order_display_id", "medusa_capture_id", "medusa_refund_id", "match_state", "matched_by", "medusa_amount", "difference", "duplicate", "fee_amount", "raw",
] as const

const pick = <T extends object>(row: T, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, (row as any)[f]])) as Partial<T>

/**
 * Upserts one connection's payouts (by payment reference) and transactions (by transaction key),
 * then recounts each touched payout's matched and unmatched rows. Reading again updates the same rows.
 */
export const saveKlarnaSettlementsStep = createStep(
  "save-klarna-settlements",
  async (inputs: SaveKlarnaSettlementsInput[], { container }) => {
    const service = container.resolve<KlarnaSettlementsService>(KLARNA_SETTLEMENTS_MODULE)
    const undo: Undo = { created_payouts: [], created_transactions: [], updated_payouts: [], updated_transactions: [] }
    for (const input of inputs) {
      await saveConnection(service, input, undo)
    }
    return new StepResponse({ connections: inputs.length }, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = container.resolve<KlarnaSettlementsService>(KLARNA_SETTLEMENTS_MODULE)
    if (undo.created_transactions.length) await service.deleteKlarnaSettlementTransactions(undo.created_transactions)
    if (undo.created_payouts.length) await service.deleteKlarnaPayouts(undo.created_payouts)
    if (undo.updated_transactions.length) await service.updateKlarnaSettlementTransactions(undo.updated_transactions as any)
    if (undo.updated_payouts.length) await service.updateKlarnaPayouts(undo.updated_payouts as any)
  }
)

async function saveConnection(service: KlarnaSettlementsService, input: SaveKlarnaSettlementsInput, undo: Undo): Promise<void> {
  const { connection } = input

  const refs = input.payouts.map((p) => p.payment_reference)
  const existingPayouts = refs.length ? await service.listKlarnaPayouts({ connection, payment_reference: refs }) : []
  const payoutByRef = new Map(existingPayouts.map((p) => [p.payment_reference, p]))
  for (const p of input.payouts) {
    const values = {
      payout_date: new Date(p.payout_date),
      currency_code: p.currency_code.toUpperCase(),
      sale_amount: p.totals.sale_amount,
      return_amount: p.totals.return_amount,
      fee_amount: p.totals.fee_amount,
      settlement_amount: p.totals.settlement_amount,
      raw: p as Record<string, unknown>,
      synced_at: new Date(input.synced_at),
    }
    const existing = payoutByRef.get(p.payment_reference)
    if (existing) {
      undo.updated_payouts.push(pick(existing, PAYOUT_FIELDS))
      payoutByRef.set(p.payment_reference, await service.updateKlarnaPayouts({ id: existing.id, ...values }))
    } else {
      const created = await service.createKlarnaPayouts({ connection, brand: input.brand, payment_reference: p.payment_reference, ...values })
      undo.created_payouts.push(created.id)
      payoutByRef.set(p.payment_reference, created)
    }
  }

  const keys = input.transactions.map((t) => t.transaction_key)
  const existingRows: KlarnaSettlementTransactionRow[] = []
  for (let i = 0; i < keys.length; i += 500) {
    existingRows.push(...(await service.listKlarnaSettlementTransactions({ connection, transaction_key: keys.slice(i, i + 500) })))
  }
  const rowByKey = new Map(existingRows.map((r) => [r.transaction_key, r]))
  const touchedPayouts = new Set<string>([...payoutByRef.values()].map((p) => p.id))
  const creates: Record<string, unknown>[] = []
  const updates: Record<string, unknown>[] = []
  for (const planned of input.transactions) {
    const values = transactionValues(planned)
    const existing = rowByKey.get(planned.transaction_key)
    if (existing) {
      undo.updated_transactions.push(pick(existing, TRANSACTION_FIELDS))
      updates.push({ id: existing.id, ...values })
      touchedPayouts.add(existing.payout_id)
      continue
    }
    const payout = payoutByRef.get(planned.payment_reference)
    if (!payout) continue // a stored row whose payout is gone: nothing to attach it to
    creates.push({
      connection,
      transaction_key: planned.transaction_key,
      payout_id: payout.id,
      payment_reference: planned.payment_reference,
      ...values,
    })
  }
  if (creates.length) {
    const created = (await service.createKlarnaSettlementTransactions(creates as any)) as unknown as KlarnaSettlementTransactionRow[]
    undo.created_transactions.push(...created.map((r) => r.id))
  }
  if (updates.length) {
    await service.updateKlarnaSettlementTransactions(updates as any)
  }

  for (const payoutId of touchedPayouts) {
    const rows = await service.listKlarnaSettlementTransactions({ payout_id: payoutId }, { select: ["type", "match_state"] })
    const remembered = undo.created_payouts.includes(payoutId) || undo.updated_payouts.some((p) => p.id === payoutId)
    if (!remembered) {
      const [stored] = await service.listKlarnaPayouts({ id: payoutId })
      if (stored) undo.updated_payouts.push(pick(stored, PAYOUT_FIELDS))
    }
    await service.updateKlarnaPayouts({
      id: payoutId,
      transaction_count: rows.length,
      matched_count: rows.filter((r) => r.match_state === "matched").length,
      unmatched_count: rows.filter((r) => r.match_state === "unmatched" || r.match_state === "amount_differs").length,
    })
  }

}

function transactionValues(planned: PlannedTransaction) {
  const m = planned.match
  const t = m.transaction
  const date = (v?: string) => (v && !Number.isNaN(Date.parse(v)) ? new Date(v) : null)
  return {
    type: t.type,
    detailed_type: t.detailed_type ?? null,
    amount: t.amount,
    fee_amount: planned.fee_amount,
    currency_code: t.currency_code.toUpperCase(),
    klarna_order_id: t.order_id ?? null,
    klarna_capture_id: t.capture_id ?? null,
    klarna_refund_id: t.refund_id ?? null,
    capture_date: date(t.capture_date),
    sale_date: date(t.sale_date),
    medusa_order_id: m.order?.order_id ?? null,
    medusa_order_display_id: m.order?.order_display_id !== undefined ? String(m.order.order_display_id) : null,
    medusa_capture_id: m.medusa_capture_id ?? null,
    medusa_refund_id: m.medusa_refund_id ?? null,
    match_state: m.state,
    matched_by: m.matched_by ?? null,
    medusa_amount: m.medusa_amount ?? null,
    difference: m.difference ?? null,
    duplicate: !!m.duplicate,
    raw: t as Record<string, unknown>,
  }
}
