import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { restoreKlarnaAfterFailedChange, updateKlarnaBeforeChange } from "../../../lib/order-management/update-automation"

/**
 * Runs in front of Medusa's `POST /admin/order-edits/:id/confirm`: Klarna's
 * reservation is updated first, so an edit Klarna refuses (e.g. an increase a
 * payment method does not allow) is not confirmed and the admin sees Klarna's
 * reason. If Medusa then fails to confirm, Klarna is put back as it was.
 */
export async function updateKlarnaBeforeOrderEditConfirm(request: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const req = request as AuthenticatedMedusaRequest
  try {
    const orderId = req.params.id
    const { plan, changeKey } = await updateKlarnaBeforeChange(req.scope, orderId, req.auth_context?.actor_id)
    if (plan?.update) {
      res.on("finish", () => {
        if (res.statusCode >= 400) {
          restoreKlarnaAfterFailedChange(req.scope, plan, changeKey).catch((e) =>
            req.scope.resolve("logger").error(`Klarna: could not restore order ${plan.klarna_order_id} after a failed edit: ${e.message}`)
          )
        }
      })
    }
    return next()
  } catch (e) {
    return next(e)
  }
}
