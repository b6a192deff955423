import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { klarnaIdempotencyKey } from "../../klarna/client"
import { merchantReferencesFor } from "../../klarna/decisions/merchant-references"
import { klarnaMessages } from "../../klarna/messages"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { klarnaClientFor } from "../../providers/klarna/provider-client"
import type { KlarnaActionResult } from "../klarna-action/types"
import { loadOrderKlarnaPayments, orderKlarnaPayment, type LoadOrderKlarnaPaymentsOptions } from "../queries/order-klarna-payments"

export type SetKlarnaMerchantReferencesStepInput = { order_id: string; respect_toggle: boolean } & LoadOrderKlarnaPaymentsOptions

/**
 * Gives Klarna's order Medusa's order number (and, per the setting, the order
 * id) as merchant references, so Klarna's portal and settlement files name
 * the Medusa order. Klarna overwrites only the fields sent. Not compensated:
 * the references are labels, and nothing after this step can fail.
 */
export const setKlarnaMerchantReferencesStep = createStep(
  "set-klarna-merchant-references",
  async (input: SetKlarnaMerchantReferencesStepInput, { container }) => {
    const order = await loadOrderKlarnaPayments(container, input.order_id, { refuse_unless_klarna_order: input.refuse_unless_klarna_order })
    const payment = orderKlarnaPayment(order, "live")
    if (!order || !payment) {
      return new StepResponse<KlarnaActionResult>(null)
    }
    const klarnaOrderId = payment.data.klarna_order_id!
    const base = { payment_id: payment.id, klarna_order_id: klarnaOrderId }
    const method = payment.data.payment_method ?? "pay_later"
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    const blocked = input.respect_toggle ? await om.automationBlock("merchant_references", method, input.order_id) : null
    if (blocked) {
      const message = klarnaMessages.automationOff(blocked, "merchant_references", method, "Klarna's merchant references were left as they are.")
      return new StepResponse<KlarnaActionResult>({ outcome: "skipped", message, ...base })
    }
    const imported_from = typeof payment.data.imported_from === "string" ? payment.data.imported_from : null
    const plan = merchantReferencesFor(
      { id: order.id, display_id: order.display_id, imported_from, woocommerce_number: imported_from ? await woocommerceNumber(container, order.id) : null },
      await om.getSettings(),
      payment.data.merchant_references
    )
    if (!plan.body) {
      return new StepResponse<KlarnaActionResult>({ outcome: "skipped", message: plan.reason, ...base })
    }
    const key = klarnaIdempotencyKey("merchant-references", klarnaOrderId, plan.body.merchant_reference1 ?? "-", plan.body.merchant_reference2 ?? "-")
    await klarnaClientFor(container, payment.provider_id).updateMerchantReferences(klarnaOrderId, plan.body, key)
    await container
      .resolve<IPaymentModuleService>(Modules.PAYMENT)
      .updatePayment({ id: payment.id, data: { ...payment.data, merchant_references: { ...payment.data.merchant_references, ...plan.body } } } as any)
    return new StepResponse<KlarnaActionResult>({ outcome: "succeeded", message: klarnaMessages.merchantReferencesSet(plan.body), ...base })
  }
)

async function woocommerceNumber(container: Parameters<typeof loadOrderKlarnaPayments>[0], orderId: string): Promise<string | null> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields: ["metadata"], filters: { id: orderId } })
  const number = (data[0] as any)?.metadata?.woocommerce_number
  return number == null ? null : String(number)
}
