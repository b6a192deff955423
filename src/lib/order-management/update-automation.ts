import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { reattachKlarnaPaymentWorkflow } from "../../workflows/reattach-klarna-payment"
import { updateKlarnaOrderForChangeWorkflow } from "../../workflows/update-klarna-order-for-change"
import { restoreKlarnaAuthorizationWorkflow } from "../../workflows/restore-klarna-authorization"
import type { RestoreKlarnaAuthorizationInput } from "../../workflows/steps/restore-klarna-authorization"
import type { KlarnaOrderUpdatePlan } from "../../workflows/steps/prepare-klarna-order-update"
import type { ReattachedKlarnaPayment } from "../../workflows/steps/reattach-klarna-payment"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { klarnaClientFor } from "./klarna-provider-client"
import { klarnaMessages } from "./messages"
import type { AutomationResult } from "./run-klarna-automation"

const ATTEMPT_SEPARATOR = "~"

/**
 * The Klarna key of one confirmation attempt of a change: `<change id>~<restores so far>`. After a
 * restore, confirming the same change again must update Klarna again, not replay the first answer;
 * a repeated request before any restore (a double click, a retry) gets the same key and is replayed.
 */
async function confirmationAttemptKey(om: KlarnaOrderManagementService, changeId: string): Promise<string> {
  const restored = await om.listKlarnaEvents(
    { operation_key: { $like: `restore-update:%:${changeId}${ATTEMPT_SEPARATOR}%` }, outcome: "succeeded" } as any,
    { select: ["id"] }
  )
  return `${changeId}${ATTEMPT_SEPARATOR}${restored.length}`
}

/** The id of the order's change awaiting confirmation: it keys the Klarna update. */
export async function pendingOrderChangeKey(container: MedusaContainer, orderId: string): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order_change",
    fields: ["id", "status", "created_at"],
    filters: { order_id: orderId, status: ["pending", "requested"] },
  })
  const change = (data as any[]).sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))[0]
  return change?.id ?? `${orderId}:${Date.now()}`
}

/** Updates Klarna for a pending order change; throws (with Klarna's reason) when Klarna refuses. */
export async function updateKlarnaBeforeChange(
  container: MedusaContainer,
  orderId: string,
  actor?: string,
  options: { refuse_when_captured?: boolean } = {}
) {
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const changeKey = await confirmationAttemptKey(om, await pendingOrderChangeKey(container, orderId))
  try {
    const { result: plan } = await updateKlarnaOrderForChangeWorkflow(container).run({
      input: { order_id: orderId, change_key: changeKey, respect_toggle: true, refuse_when_captured: options.refuse_when_captured ?? true },
    })
    if (plan && !plan.update) {
      await om.recordEvent({ order_id: orderId, action: "update", outcome: "skipped", message: plan.message, actor, payment_id: plan.payment_id, klarna_order_id: plan.klarna_order_id })
    }
    return { plan, changeKey }
  } catch (error) {
    const e = error as { message?: string; correlationId?: string; errorCode?: string }
    await om.recordEvent({
      order_id: orderId,
      action: "update",
      outcome: "failed",
      actor,
      message: e.message?.startsWith("Could not update") ? e.message : klarnaMessages.failed("update", e.message ?? String(error)),
      correlation_id: e.correlationId,
      error_code: e.errorCode,
    })
    throw error
  }
}

export type RestoreAfterChangeInput = RestoreKlarnaAuthorizationInput & { order_id: string; payment_id: string; currency_code: string }

/** What undoing a change's Klarna update needs, kept in the event log so the retry job can run it again. */
export function restoreInputFor(orderId: string, plan: KlarnaOrderUpdatePlan, changeKey: string): RestoreAfterChangeInput | undefined {
  if (!plan || !plan.update) {
    return undefined
  }
  return {
    order_id: orderId,
    payment_id: plan.payment_id,
    currency_code: plan.currency_code,
    provider_id: plan.provider_id,
    klarna_order_id: plan.klarna_order_id,
    change_key: changeKey,
    previous: plan.previous,
  }
}

/** Puts the Klarna order back as it was when Medusa did not confirm the change after all. */
export async function restoreKlarnaAfterFailedChange(container: MedusaContainer, input: RestoreAfterChangeInput): Promise<AutomationResult> {
  const { order_id: _order, payment_id, currency_code, ...restore } = input
  if (await orderChangeConfirmed(container, input.change_key)) {
    // Recorded before the confirmation ran, and the process died before it heard the outcome.
    return {
      outcome: "skipped",
      payment_id,
      klarna_order_id: input.klarna_order_id,
      message: "Medusa confirmed the change after all; Klarna keeps the updated order lines.",
    }
  }
  await restoreKlarnaAuthorizationWorkflow(container).run({ input: restore })
  return {
    outcome: "succeeded",
    payment_id,
    klarna_order_id: input.klarna_order_id,
    amount: input.previous.order_amount,
    currency_code,
    message: klarnaMessages.restored(input.previous.order_amount, currency_code),
  }
}

async function orderChangeConfirmed(container: MedusaContainer, changeKey: string): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const changeId = changeKey.split(ATTEMPT_SEPARATOR)[0]
  const { data } = await query.graph({ entity: "order_change", fields: ["id", "status"], filters: { id: changeId } })
  return (data[0] as any)?.status === "confirmed"
}

/** After Medusa confirmed the change: the new payment collection is backed by the same Klarna order. */
export async function reattachKlarnaAfterChange(container: MedusaContainer, input: { order_id: string }): Promise<AutomationResult> {
  const { result: reattached } = await reattachKlarnaPaymentWorkflow(container).run({ input })
  const result = reattached as ReattachedKlarnaPayment
  if (!result) {
    return null
  }
  const client = klarnaClientFor(container)
  const klarna = await client.getOrder(result.klarna_order_id)
  return {
    outcome: "succeeded",
    payment_id: result.payment_id,
    klarna_order_id: klarna.order_id,
    amount: klarna.order_amount,
    currency_code: klarna.purchase_currency.toLowerCase(),
    message: klarnaMessages.updated(klarna.order_amount, klarna.purchase_currency),
  }
}
