import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runKlarnaAction } from "../../workflows/klarna-action/run-klarna-action"
import type { KlarnaActionPayload } from "../../workflows/klarna-action/types"
import { restoreKlarnaAction, type RestoreAfterChangeInput } from "../../workflows/restore-klarna-authorization"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { restoreInputFor, updateKlarnaBeforeChange } from "../../lib/order-management/update-automation"

type ChangeKind = "order-edit" | "claim" | "exchange"

async function orderIdFor(req: MedusaRequest, kind: ChangeKind): Promise<string | undefined> {
  if (kind === "order-edit") {
    return req.params.id
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: kind === "claim" ? "order_claim" : "order_exchange",
    fields: ["id", "order_id"],
    filters: { id: req.params.id },
  })
  return (data[0] as any)?.order_id
}

/**
 * Runs in front of Medusa's `POST /admin/order-edits/:id/confirm`: Klarna's
 * reservation is updated first, so an edit Klarna refuses (e.g. an increase a
 * payment method does not allow) is not confirmed and the admin sees Klarna's
 * reason. If Medusa then fails to confirm, Klarna is put back as it was —
 * as a recorded automatic action, retried until Klarna takes it, and listed
 * under attention if it never does.
 */
export const updateKlarnaBeforeOrderEditConfirm = updateKlarnaBeforeChangeConfirm("order-edit")

/**
 * The same for claims and exchanges confirmed before any capture; after a
 * capture they are settled with refunds and the reservation is left alone.
 */
export const updateKlarnaBeforeClaimConfirm = updateKlarnaBeforeChangeConfirm("claim")
export const updateKlarnaBeforeExchangeConfirm = updateKlarnaBeforeChangeConfirm("exchange")

/** How long a confirmation may take before the retry job treats an unanswered one as failed. */
const RESTORE_DUE_AFTER_MS = 5 * 60_000

const restoreKey = (input: RestoreAfterChangeInput) => `restore-update:${input.klarna_order_id}:${input.change_key}`

/**
 * Recorded before Medusa confirms, as a due action: if the process dies before
 * it learns the outcome, the retry job restores Klarna (unless the change was
 * confirmed after all). Dropped again once Medusa has confirmed.
 */
async function recordPendingRestore(req: AuthenticatedMedusaRequest, input: RestoreAfterChangeInput) {
  const om = req.scope.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  return await om.recordEvent({
    order_id: input.order_id,
    action: "update",
    outcome: "pending_retry",
    attention: false,
    operation_key: restoreKey(input),
    next_attempt_at: new Date(Date.now() + RESTORE_DUE_AFTER_MS),
    message: "Klarna was updated for the change; the plugin puts it back if Medusa does not confirm it.",
    payload: { workflow_id: restoreKlarnaAction.workflow_id, verb: restoreKlarnaAction.verb, input } satisfies KlarnaActionPayload,
  })
}

/** The undo runs after the response (Medusa's refusal is what triggers it) through the automation runner. */
async function settleRestore(req: AuthenticatedMedusaRequest, kind: ChangeKind, input: RestoreAfterChangeInput, confirmed: boolean, pendingId: string) {
  try {
    if (confirmed) {
      await req.scope.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE).deleteKlarnaEvents(pendingId)
      return
    }
    await runKlarnaAction(req.scope, restoreKlarnaAction, { order_id: input.order_id, input, operation_key: restoreKey(input) })
  } catch (e) {
    req.scope
      .resolve("logger")
      .error(`Klarna: could not settle the restore of order ${input.klarna_order_id} after a ${kind}: ${(e as Error).message}`)
  }
}

function updateKlarnaBeforeChangeConfirm(kind: ChangeKind) {
  return async (request: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const req = request as AuthenticatedMedusaRequest
    try {
      const orderId = await orderIdFor(req, kind)
      if (!orderId) {
        return next()
      }
      const { plan, changeKey } = await updateKlarnaBeforeChange(req.scope, orderId, req.auth_context?.actor_id, {
        refuse_when_captured: kind === "order-edit",
      })
      const restore = restoreInputFor(orderId, plan, changeKey)
      if (restore) {
        const pending = await recordPendingRestore(req, restore)
        res.on("finish", () => void settleRestore(req, kind, restore, res.statusCode < 400, pending.id))
      }
      return next()
    } catch (e) {
      return next(e)
    }
  }
}
