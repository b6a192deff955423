import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, remoteQueryObjectFromString } from "@medusajs/framework/utils"
import { defaultAdminDetailsReturnFields } from "@medusajs/medusa/api/admin/returns/query-config"
import { confirmOrderChangeWithKlarnaWorkflow, type KlarnaOrderChangeKind } from "../../workflows/confirm-order-change-with-klarna"
import { hasKlarnaPayment } from "./has-klarna-payment"

async function orderIdFor(req: MedusaRequest, kind: KlarnaOrderChangeKind): Promise<string | undefined> {
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
 * Medusa's `POST /admin/order-edits/:id/confirm`, `/admin/claims/:id/request`
 * and `/admin/exchanges/:id/request` for a change of an order, replicated:
 * the plugin's workflow updates Klarna and then runs Medusa's own confirm
 * workflow (which has no hook for it), and the answer is the route's.
 * Changes of orders without a Klarna payment go on to Medusa's route.
 */
export const confirmOrderEditWithKlarna = confirmOrderChangeWithKlarna("order-edit")
export const confirmClaimWithKlarna = confirmOrderChangeWithKlarna("claim")
export const confirmExchangeWithKlarna = confirmOrderChangeWithKlarna("exchange")

function confirmOrderChangeWithKlarna(kind: KlarnaOrderChangeKind) {
  return async (request: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const req = request as AuthenticatedMedusaRequest
    try {
      const orderId = await orderIdFor(req, kind)
      if (!orderId || !(await hasKlarnaPayment(req, orderId))) {
        return next()
      }
      const { result: orderPreview } = await confirmOrderChangeWithKlarnaWorkflow(req.scope).run({
        input: { kind, order_id: orderId, change_id: req.params.id, confirmed_by: req.auth_context.actor_id },
      })
      if (kind === "order-edit") {
        res.json({ order_preview: orderPreview })
        return
      }
      const { change, orderReturn } = await claimOrExchangeWithReturn(req, kind)
      res.json({ order_preview: orderPreview, [kind]: change, return: orderReturn })
    } catch (e) {
      return next(e)
    }
  }
}

/** As Medusa's claim and exchange routes read them after confirming: the route's fields, then the return's details. */
async function claimOrExchangeWithReturn(req: AuthenticatedMedusaRequest, kind: "claim" | "exchange") {
  const remoteQuery = req.scope.resolve(ContainerRegistrationKeys.REMOTE_QUERY) as (query: unknown, options?: unknown) => Promise<any[]>
  const [change] = await remoteQuery(
    remoteQueryObjectFromString({
      entryPoint: kind === "claim" ? "order_claim" : "order_exchange",
      variables: { id: req.params.id, filters: { ...req.filterableFields } },
      fields: req.queryConfig.fields,
    }),
    { throwIfKeyNotFound: true }
  )
  let orderReturn: unknown
  if (change.return_id) {
    const [returnData] = await remoteQuery(
      remoteQueryObjectFromString({ entryPoint: "return", variables: { id: change.return_id }, fields: defaultAdminDetailsReturnFields })
    )
    orderReturn = returnData
  }
  return { change, orderReturn }
}

