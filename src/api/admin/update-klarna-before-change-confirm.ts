import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { restoreKlarnaAfterFailedChange, updateKlarnaBeforeChange } from "../../lib/order-management/update-automation"

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
 * reason. If Medusa then fails to confirm, Klarna is put back as it was.
 */
export const updateKlarnaBeforeOrderEditConfirm = updateKlarnaBeforeChangeConfirm("order-edit")

/**
 * The same for claims and exchanges confirmed before any capture; after a
 * capture they are settled with refunds and the reservation is left alone.
 */
export const updateKlarnaBeforeClaimConfirm = updateKlarnaBeforeChangeConfirm("claim")
export const updateKlarnaBeforeExchangeConfirm = updateKlarnaBeforeChangeConfirm("exchange")

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
      if (plan?.update) {
        res.on("finish", () => {
          if (res.statusCode >= 400) {
            restoreKlarnaAfterFailedChange(req.scope, plan, changeKey).catch((e) =>
              req.scope.resolve("logger").error(`Klarna: could not restore order ${plan.klarna_order_id} after a failed ${kind}: ${e.message}`)
            )
          }
        })
      }
      return next()
    } catch (e) {
      return next(e)
    }
  }
}
