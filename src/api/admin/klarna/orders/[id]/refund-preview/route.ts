import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { loadOrderKlarnaPayments, orderKlarnaPayment } from "../../../../../../workflows/queries/order-klarna-payments"
import { loadKlarnaRefundFacts } from "../../../../../../workflows/queries/klarna-refund-facts"
import { planKlarnaRefund } from "../../../../../../klarna/refunds/plan-refund"
import { adminAmountToMinorUnits } from "../../../../../../klarna/utils/admin-amount"
import { adminRefundPlan } from "../../../admin-response"
import type { AdminKlarnaRefundPreviewType } from "../../../validators"

/**
 * What a refund of `amount` (major units) would send to Klarna (kind, lines, VAT split) — nothing is
 * saved or sent. Answers `plan.amount_minor` with `currency_code`; `plan.order_lines` are Klarna's (minor units).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminKlarnaRefundPreviewType>, res: MedusaResponse) => {
  const order = await loadOrderKlarnaPayments(req.scope, req.params.id)
  const payment = orderKlarnaPayment(order, "refundable")
  if (!order || !payment) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} has no Klarna payment.`)
  }
  // Refused, not rounded; the plan itself refuses more than Klarna has captured and not refunded.
  adminAmountToMinorUnits(req.validatedBody.amount, payment.currency_code)
  const facts = await loadKlarnaRefundFacts(req.scope, payment.id)
  const plan = facts && planKlarnaRefund({ ...facts, requested_amount: req.validatedBody.amount })
  res.json({ payment_id: payment.id, plan: plan && adminRefundPlan(plan, payment.currency_code) })
}
