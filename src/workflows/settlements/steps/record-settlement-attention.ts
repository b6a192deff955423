import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SettlementProblem } from "../../../klarna/settlements"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../../modules/klarna-order-management"
import type { KlarnaEventRow } from "../../../modules/klarna-order-management/service"
import { announceKlarnaAttention } from "../../klarna-action/announce-klarna-attention"

export interface RecordSettlementAttentionInput {
  problems: SettlementProblem[]
  /** Keys looked at in this sync: an open entry among them that is no longer a problem is resolved. */
  evaluated_keys: string[]
}

type Undo = { created: string[]; restored: Partial<KlarnaEventRow>[] }

const RESTORED_FIELDS = ["id", "outcome", "attention", "message", "attempts", "amount", "currency_code"] as const
const remember = (e: KlarnaEventRow) => Object.fromEntries(RESTORED_FIELDS.map((f) => [f, e[f]])) as Partial<KlarnaEventRow>

/**
 * One attention entry per problem, keyed by its operation key: created once, left alone while
 * unchanged or after an admin dismissed it, listed again if a resolved problem comes back. An open
 * entry whose problem this sync no longer finds is marked succeeded and leaves the list.
 */
export const recordSettlementAttentionStep = createStep(
  "record-klarna-settlement-attention",
  async (input: RecordSettlementAttentionInput, { container }) => {
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    const undo: Undo = { created: [], restored: [] }
    const problemKeys = input.problems.map((p) => p.operation_key)
    const existing = new Map<string, KlarnaEventRow>()
    for (let i = 0; i < problemKeys.length; i += 500) {
      for (const e of await om.listKlarnaEvents({ operation_key: problemKeys.slice(i, i + 500) })) existing.set(e.operation_key!, e)
    }

    const announced: Array<[KlarnaEventRow | null, KlarnaEventRow]> = []
    let opened = 0
    for (const p of input.problems) {
      const values = {
        order_id: p.order_id,
        action: "settlement" as const,
        outcome: "needs_attention" as const,
        attention: true,
        message: p.message,
        amount: p.amount,
        currency_code: p.currency_code,
        klarna_order_id: p.klarna_order_id,
        klarna_capture_id: p.klarna_capture_id,
        klarna_refund_id: p.klarna_refund_id,
        klarna_reference: p.payment_reference,
        payload: { kind: p.kind },
      }
      const before = existing.get(p.operation_key)
      if (!before) {
        const created = await om.createKlarnaEvents({ ...values, operation_key: p.operation_key, actor: "automation" } as any)
        undo.created.push(created.id)
        announced.push([null, created])
        opened++
        continue
      }
      if (before.resolved_at) continue // dismissed by an admin
      if (before.outcome === "needs_attention" && before.attention && before.message === p.message) continue
      undo.restored.push(remember(before))
      const updated = await om.updateKlarnaEvents({ id: before.id, ...values, attempts: (before.attempts ?? 1) + 1 } as any)
      announced.push([before, updated])
      opened++
    }

    const evaluated = new Set(input.evaluated_keys)
    const stillProblems = new Set(problemKeys)
    const open = await om.listKlarnaEvents({ action: "settlement", outcome: "needs_attention", attention: true, resolved_at: null })
    let resolved = 0
    for (const e of open) {
      if (!e.operation_key || !evaluated.has(e.operation_key) || stillProblems.has(e.operation_key)) continue
      undo.restored.push(remember(e))
      await om.updateKlarnaEvents({ id: e.id, outcome: "succeeded", attention: false, message: `Resolved by the settlement sync: ${e.message}` } as any)
      resolved++
    }

    for (const [before, event] of announced) {
      if (event.order_id) await announceKlarnaAttention(container, before, event)
    }
    return new StepResponse({ opened, resolved }, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    if (undo.created.length) await om.deleteKlarnaEvents(undo.created)
    for (const row of undo.restored) await om.updateKlarnaEvents(row as any)
  }
)
