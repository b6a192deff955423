import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../../../../modules/klarna-order-management"
import { readKlarnaOrderStateWorkflow } from "../../../../../workflows/read-klarna-order-state"
import { loadOrderKlarnaPayments, orderKlarnaPayment } from "../../../../../workflows/queries/order-klarna-payments"
import { describeAttention } from "../../../../../workflows/queries/attention-items"
import { adminKlarnaEvent, adminKlarnaPayment } from "../../admin-response"
import { brandOfProviderId } from "../../../../../klarna/provider-ids"
import { explainMissingImportedOrder, isNoSuchKlarnaOrder } from "../../../../../klarna/decisions/missing-imported-order"
import { expiryDay, summarizeAuthorization } from "../../../../../klarna/decisions/authorization-expiry"
import { extendBeforeExpiryOperationKey } from "../../../../../workflows/extend-klarna-authorization-before-expiry"

/**
 * An order's live Klarna state (read from Klarna now), its Klarna event log
 * (newest first) and what of it needs the merchant (the widget's data).
 * Amounts: see admin-response.ts.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const order = await loadOrderKlarnaPayments(req.scope, req.params.id)
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} was not found.`)
  }
  const om = req.scope.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const events = await om.listKlarnaEvents({ order_id: order.id }, { order: { created_at: "DESC" }, take: 200 })
  const [open] = await om.listAttention({ order_id: order.id }, { take: 50 })
  const payment = orderKlarnaPayment(order, "live")
  const klarnaOrderId = payment?.data.klarna_order_id ?? order.pending_sessions[0]?.data.klarna_order_id
  const providerId = payment?.provider_id ?? order.pending_sessions[0]?.provider_id
  const { klarna, klarna_error } = klarnaOrderId
    ? (await readKlarnaOrderStateWorkflow(req.scope).run({ input: { provider_id: providerId, klarna_order_id: klarnaOrderId } })).result
    : { klarna: null, klarna_error: null }
  if (klarna_error && isNoSuchKlarnaOrder(klarna_error) && payment?.data.imported_from) {
    klarna_error.message = explainMissingImportedOrder(klarna_error.message, payment.data)
  }
  // Klarna's live order when it could be read, else what Medusa stored last.
  const settings = await om.getSettings()
  const expiresAt: string | undefined = (klarna as any)?.expires_at ?? payment?.data.expires_at
  // Klarna refused to extend this expiry (the job's entry for it): not "extended automatically" any more.
  const refused = !!expiresAt && (await om.findEventByOperationKey(extendBeforeExpiryOperationKey(order.id, expiryDay(expiresAt))))?.outcome === "needs_attention"
  const authorization = payment
    ? summarizeAuthorization(
        {
          created_at: (klarna as any)?.created_at ?? null,
          expires_at: expiresAt,
          status: (klarna as any)?.status ?? payment.data.klarna_status,
          remaining_authorized_amount: (klarna as any)?.remaining_authorized_amount ?? payment.data.remaining_authorized_amount,
          refused,
        },
        { now: Date.now(), extend_days: settings.extend_days_before_expiry, warning_days: settings.expiry_warning_days },
        !(await om.automationBlock("extend_before_expiry", payment.data.payment_method ?? "pay_later", order.id))
      )
    : null
  res.json({
    order_id: order.id,
    klarna_order_id: klarnaOrderId ?? null,
    // Where the order lives: "klarna" (Klarna Payments) or "kustom" (Klarna Checkout, run by Kustom).
    connection: brandOfProviderId(providerId),
    // The plugin's amounts are `…_minor` (öre); `klarna` is Klarna's order as Klarna sends it (minor units too).
    payment: payment ? adminKlarnaPayment(payment) : null,
    klarna,
    klarna_error,
    // The reservation's expiry: `state` active | cannot_extend | expired | none (nothing left to capture).
    authorization,
    klarna_history: order.klarna_history,
    events: events.map(adminKlarnaEvent),
    attention: (await describeAttention(req.scope, open)).map(adminKlarnaEvent),
    // The merchant's "leave this order alone": while off, no automation acts on the order in Klarna.
    automation: await om.orderAutomation(order.id),
  })
}
