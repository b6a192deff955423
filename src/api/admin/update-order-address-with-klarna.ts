import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { hasKlarnaPayment } from "./has-klarna-payment"
import { updateOrderAddressWithKlarnaWorkflow } from "../../workflows/update-order-address-with-klarna"

/**
 * Medusa's `POST /admin/orders/:id` for an edit of a Klarna order's shipping
 * address, replicated: the plugin's workflow updates Klarna and then runs
 * Medusa's own update workflow; the answer is the route's. Other edits, and
 * orders without a Klarna payment, go on to Medusa's route.
 */
export async function updateOrderAddressWithKlarna(request: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const req = request as AuthenticatedMedusaRequest
  try {
    const update = req.validatedBody as Record<string, unknown> | undefined
    if (!update?.shipping_address || !(await hasKlarnaPayment(req, req.params.id))) {
      return next()
    }
    await updateOrderAddressWithKlarnaWorkflow(req.scope).run({
      input: { order_id: req.params.id, update: update as any, user_id: req.auth_context?.actor_id },
    })
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", filters: { id: req.params.id }, fields: req.queryConfig.fields })
    res.status(200).json({ order: data[0] })
  } catch (e) {
    return next(e)
  }
}

