import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { updateKlarnaOrderForChangeWorkflow } from "../update-klarna-order-for-change"
import type { RestoreAfterChangeInput } from "../restore-klarna-authorization"
import { changeAttemptKey, restoresOfChangePattern } from "../../klarna/decisions/change-attempt-key"
import type { KlarnaOrderUpdatePlan } from "../steps/prepare-klarna-order-update"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { klarnaMessages } from "../../klarna/messages"

/** The Klarna key of this confirmation attempt of a change (see change-attempt-key). */
async function confirmationAttemptKey(om: KlarnaOrderManagementService, changeId: string): Promise<string> {
  const restored = await om.listKlarnaEvents({ operation_key: { $like: restoresOfChangePattern(changeId) }, outcome: "succeeded" } as any, {
    select: ["id"],
  })
  return changeAttemptKey(changeId, restored.length)
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
