import { ContainerRegistrationKeys, MathBN, Modules, PaymentCollectionStatus } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IOrderModuleService, IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { unfinishedCaptures } from "../../klarna/decisions/unfinished-captures"
import { loadOrderKlarnaPayments, type LoadOrderKlarnaPaymentsOptions, type OrderWithKlarna } from "../queries/order-klarna-payments"

export type FinishedCaptures = {
  /** Rows of captures a dead process left without Klarna's answer, removed as Medusa removes a failed capture's row (minor units). */
  abandoned: Array<{ id: string; amount: number; currency_code: string }>
  /** Answered captures whose order transaction was added now. */
  recorded: string[]
  /** A capture may still be running in another process: the action waits until then. */
  recheck_at: string | null
  /** The order as loaded, for the capture's decision; null when this step changed it (to be read again). */
  order: OrderWithKlarna | null
}

/**
 * The payment collection's captured total and status as Medusa's payment
 * module sets them after a capture (its last write before the order
 * transaction), for a capture whose process died just before.
 */
async function refreshCollectionCapturedAmount(container: MedusaContainer, collectionId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [collection],
  } = await query.graph({
    entity: "payment_collection",
    fields: ["id", "amount", "raw_amount", "payments.captures.amount", "payments.captures.raw_amount"],
    filters: { id: collectionId },
  })
  if (!collection) return
  const captured = ((collection as any).payments ?? [])
    .flatMap((p: any) => p.captures ?? [])
    .reduce((sum: any, c: any) => MathBN.add(sum, c.raw_amount ?? c.amount), MathBN.convert(0))
  const complete = MathBN.gte(captured, (collection as any).raw_amount ?? (collection as any).amount)
  await container.resolve<IPaymentModuleService>(Modules.PAYMENT).updatePaymentCollections(collectionId, {
    captured_amount: captured,
    ...(complete ? { status: PaymentCollectionStatus.COMPLETED, completed_at: new Date() } : {}),
  } as any)
}

/**
 * Before an order's Klarna capture is decided: finishes what a process killed
 * in the middle of an earlier capture left (see `unfinishedCaptures`). A row
 * Klarna's answer never reached is removed, as Medusa's capture removes the
 * row of a capture that failed, and the Klarna order's state is marked unknown,
 * so the capture that follows reads Klarna's order and takes over what Klarna
 * did capture (the same money, never a second capture). An answered capture
 * gets what Medusa writes after Klarna's answer and it lacks: the payment
 * collection's captured total and the order transaction. Runs under the
 * order's lock; reads nothing more than the capture's decision needs unless
 * the order has captures already.
 */
export const finishUnfinishedKlarnaCapturesStep = createStep(
  "finish-unfinished-klarna-captures",
  async (input: LoadOrderKlarnaPaymentsOptions & { order_id: string }, { container }) => {
    const order = (await loadOrderKlarnaPayments(container, input.order_id, { refuse_unless_klarna_order: input.refuse_unless_klarna_order })) ?? null
    const out: FinishedCaptures = { abandoned: [], recorded: [], recheck_at: null, order }
    const withCaptures = (order?.payments ?? []).filter((p) => p.capture_rows.length)
    if (!withCaptures.length) {
      return new StepResponse(out)
    }
    const orders = container.resolve<IOrderModuleService>(Modules.ORDER)
    const transactions = await orders.listOrderTransactions({ order_id: input.order_id, reference: "capture" } as any, { select: ["reference_id"] })
    const recorded = new Set(transactions.map((t: any) => t.reference_id as string))
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    for (const payment of withCaptures) {
      const answered = new Set((payment.data.captures ?? []).map((c) => c.medusa_capture_id).filter((id): id is string => !!id))
      const found = unfinishedCaptures({ rows: payment.capture_rows, answered, recorded, now: new Date(), unfinishedAfterMs: om.recoveryPolicy.unfinishedAfterMs })
      if (found.recheck_at && (!out.recheck_at || found.recheck_at.toISOString() < out.recheck_at)) {
        out.recheck_at = found.recheck_at.toISOString()
      }
      if (found.abandoned.length) {
        if (payment.data.klarna_order_id) {
          for (const row of found.abandoned) {
            await om.beginKlarnaWrite({ klarna_order_id: payment.data.klarna_order_id, operation: "capture-abandoned", idempotency_key: `abandoned:${row.id}`, amount: row.minor })
          }
        }
        await container.resolve<IPaymentModuleService>(Modules.PAYMENT).deleteCaptures(found.abandoned.map((r) => r.id))
        out.abandoned.push(...found.abandoned.map((r) => ({ id: r.id, amount: r.minor, currency_code: payment.currency_code })))
      }
      if (found.unrecorded.length) {
        await orders.addOrderTransactions(
          found.unrecorded.map((r) => ({ order_id: input.order_id, amount: r.amount, currency_code: payment.currency_code, reference: "capture", reference_id: r.id }))
        )
        await refreshCollectionCapturedAmount(container, payment.payment_collection_id)
        out.recorded.push(...found.unrecorded.map((r) => r.id))
      }
    }
    if (out.abandoned.length || out.recorded.length) {
      out.order = null
    }
    return new StepResponse(out)
  }
)
