import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { captureRemainderRefusal } from "../../../../../../klarna/decisions/capture-remainder"
import { activeKlarnaPayment, type OrderWithKlarna } from "../../../../../../lib/order-management/order-klarna-payments"
import { adminAmountToMinorUnits } from "../../../admin-amount"
import { runManualKlarnaAction } from "../../../run-manual-action"
import { captureKlarnaAction } from "../../../../../../workflows/capture-klarna-order"
import type { AdminKlarnaCaptureType } from "../../../validators"

/** Capture the remaining amount, or exactly `amount` (in the order's currency, major units). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminKlarnaCaptureType>, res: MedusaResponse) => {
  const requested = req.validatedBody.amount
  await runManualKlarnaAction(req, res, { ...captureKlarnaAction, name: "capture" }, (order) =>
    requested === undefined ? {} : { amount: captureAmount(order, requested) }
  )
}

function captureAmount(order: OrderWithKlarna, requested: number): number {
  const payment = activeKlarnaPayment(order)
  const currency = payment?.currency_code ?? order.currency_code
  const amount = adminAmountToMinorUnits(requested, currency)
  const refusal = payment && captureRemainderRefusal(amount, payment.amount - payment.captured_amount, currency)
  if (refusal) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, refusal)
  }
  return amount
}
