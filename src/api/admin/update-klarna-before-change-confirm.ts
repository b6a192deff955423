import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { dispatchKlarnaAutomation } from "../../lib/order-management/dispatch"
import { restoreInputFor, updateKlarnaBeforeChange, type RestoreAfterChangeInput } from "../../lib/order-management/update-automation"

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

/** The undo runs after the response (Medusa's refusal is what triggers it) through the automation runner. */
async function restoreKlarnaLater(req: AuthenticatedMedusaRequest, kind: ChangeKind, input: RestoreAfterChangeInput) {
  try {
    await dispatchKlarnaAutomation(req.scope, "restore-update", {
      order_id: input.order_id,
      input,
      operation_key: `restore-update:${input.klarna_order_id}:${input.change_key}`,
    })
  } catch (e) {
    req.scope
      .resolve("logger")
      .error(`Klarna: could not record the restore of order ${input.klarna_order_id} after a failed ${kind}: ${(e as Error).message}`)
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
        res.on("finish", () => {
          if (res.statusCode >= 400) {
            void restoreKlarnaLater(req, kind, restore)
          }
        })
      }
      return next()
    } catch (e) {
      return next(e)
    }
  }
}
